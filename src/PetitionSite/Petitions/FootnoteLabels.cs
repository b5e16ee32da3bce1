using Microsoft.Extensions.Localization;
using PetitionSite.Languages;

namespace PetitionSite.Petitions;

// What screen readers hear for a petition text's footnotes, in the page's language: "Note {0}", "Back to note {0} in
// the text" and "Notes". Rendered HTML is cached by these, so each language keeps its own copy.
public sealed record FootnoteLabels(string Language, string Note, string BackToNote, string Notes)
{
    public static FootnoteLabels English { get; } = new(SiteLanguages.Default, "Note {0}", "Back to note {0} in the text", "Notes");

    public static FootnoteLabels Of(IStringLocalizer<SiteText> text, string language) =>
        new(language, text["FootnoteRef"], text["FootnoteBackRef"], text["Footnotes"]);
}
