namespace PetitionSite.Petitions;

// The text a signature was made under: editing a petition that has signatures adds a revision rather than rewriting it.
public sealed class PetitionRevision
{
    public int Id { get; set; }

    public int PetitionId { get; set; }

    public int Number { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    public required string BodyMarkdown { get; set; }

    public DateTime CreatedAt { get; set; }

    // Who wrote this revision (an admin's email), or null for text shipped with the site.
    public string? CreatedBy { get; set; }

    // The petition's text as it stands now, kept as revision `number`.
    public static PetitionRevision Of(Petition petition, int number, DateTime at, string? by) => new()
    {
        PetitionId = petition.Id,
        Number = number,
        Title = petition.Title,
        Summary = petition.Summary,
        BodyMarkdown = petition.BodyMarkdown,
        CreatedAt = at,
        CreatedBy = by,
    };
}
