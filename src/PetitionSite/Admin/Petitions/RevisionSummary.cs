namespace PetitionSite.Admin.Petitions;

// A line of a petition's revisions: when its text was current, who wrote it, and how many signed it.
public sealed record RevisionSummary(int Number, string Title, DateTime From, DateTime? Until, string? Author, int Signatures, int Confirmed);
