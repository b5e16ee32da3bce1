namespace PetitionSite.Petitions;

public sealed class Petition
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    public required string BodyMarkdown { get; set; }

    // The language the title, summary and text are written in ("en", "fr" or "ar"); translations add the others.
    public string Language { get; set; } = "en";

    public int Goal { get; set; }

    public PetitionState State { get; set; }

    // Kept in step with confirmed signatures inside the confirming transaction, so pages never COUNT(*).
    public int SignatureCount { get; set; }

    // The revision of the text that new signatures are made under; earlier texts stay in PetitionRevisions.
    public int Revision { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    // When set on a pending petition it opens by itself; when set on an open one it closes by itself.
    public DateTime? OpensAt { get; set; }

    public DateTime? ClosesAt { get; set; }

    public DateTime? OpenedAt { get; set; }

    // Signatures made before this moment may still be confirmed for a grace period after it.
    public DateTime? ClosedAt { get; set; }

    public string? RejectionReason { get; set; }

    // Set when its signers' personal data was anonymised after closing; counts by day, country and source remain.
    public DateTime? PersonalDataErasedAt { get; set; }
}
