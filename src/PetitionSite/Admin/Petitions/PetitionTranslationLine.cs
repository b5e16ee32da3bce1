namespace PetitionSite.Admin.Petitions;

// One translation of a petition, whole, as the back office lists and edits it.
public sealed record PetitionTranslationLine(string Language, string Title, string Summary, string BodyMarkdown, DateTime UpdatedAt);
