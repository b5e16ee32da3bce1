namespace PetitionSite.Petitions;

// A line of the public list: open petitions, then closed ones with their final count and when they closed.
public sealed record PetitionListItem(string Slug, string Title, string Summary, int SignatureCount, int Goal, bool IsOpen = true, DateTime? ClosedAt = null);
