namespace PetitionSite.Admin.Petitions;

// A petition as its translations page shows it: its own text and language, and its translations into the others.
public sealed record TranslatedPetition(
    int Id,
    string Slug,
    string Title,
    string Summary,
    string BodyMarkdown,
    string Language,
    IReadOnlyList<PetitionTranslationLine> Translations)
{
    public PetitionTranslationLine? In(string language) => Translations.FirstOrDefault(t => t.Language == language);
}
