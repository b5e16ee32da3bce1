namespace PetitionSite.Petitions;

public sealed class Petition
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    public required string BodyMarkdown { get; set; }

    public int Goal { get; set; }

    public PetitionState State { get; set; }

    // Kept in step with confirmed signatures inside the confirming transaction, so pages never COUNT(*).
    public int SignatureCount { get; set; }

    public DateTime CreatedAt { get; set; }
}
