namespace PetitionSite.Admin.Petitions;

// What an admin types into a translation of a petition: its title, summary and text in one other language.
public sealed class TranslationForm
{
    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? BodyMarkdown { get; set; }

    public TranslationForm Normalized() => new()
    {
        Title = Title?.Trim(),
        Summary = PetitionTextRules.NormalizedSummary(Summary),
        BodyMarkdown = PetitionTextRules.NormalizedText(BodyMarkdown),
    };
}
