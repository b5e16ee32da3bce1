namespace PetitionSite.Petitions;

// A petition's title, summary and text in another language than its own, entered by an admin; pages in that language show it.
public sealed class PetitionTranslation
{
    public int Id { get; set; }

    public int PetitionId { get; set; }

    // "en", "fr" or "ar", never the petition's own language.
    public required string Language { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    public required string BodyMarkdown { get; set; }

    public DateTime UpdatedAt { get; set; }
}
