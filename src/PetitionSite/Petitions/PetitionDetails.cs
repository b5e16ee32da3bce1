namespace PetitionSite.Petitions;

public sealed record PetitionDetails(int Id, string Slug, string Title, string Summary, string BodyMarkdown, int Goal, PetitionState State, int SignatureCount, DateTime? ClosedAt = null)
{
    public bool IsOpen => State == PetitionState.Open;
}
