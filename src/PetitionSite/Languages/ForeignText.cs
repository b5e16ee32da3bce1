using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PetitionSite.Languages;

// A petition's text shown on a page of another language (no translation into it yet): marked with its own lang and dir,
// so screen readers read it in its own voice and Arabic runs right to left inside an English page, and noted for the reader.
public static class ForeignText
{
    public static bool IsForeign(string language) =>
        !string.Equals(language, SiteLanguages.Current, StringComparison.Ordinal);

    // The lang attribute for a text in `language`: null (no attribute) when it is the page's own.
    public static string? LangOf(string language) => IsForeign(language) ? language : null;

    public static string? DirOf(string language) => IsForeign(language) ? SiteLanguages.DirectionOf(language) : null;

    // A petition's title inside a sentence of the page (thanks, check your email, confirm, withdraw): a span with its own
    // lang and dir when it is in another language, else the plain text; encoded either way.
    public static IHtmlContent Mark(string text, string language) =>
        IsForeign(language)
            ? new HtmlString($"<span lang=\"{HtmlEncoder.Default.Encode(language)}\" dir=\"{SiteLanguages.DirectionOf(language)}\">{HtmlEncoder.Default.Encode(text)}</span>")
            : new HtmlString(HtmlEncoder.Default.Encode(text));

    // "This petition is in French.", in the page's language: a key per language of the original.
    public static string NoteKeyFor(string language) => "WrittenIn." + language;
}
