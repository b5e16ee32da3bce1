namespace PetitionSite.Admin.Petitions;

public sealed record RevisionsPage(string Slug, string Title, int CurrentRevision, IReadOnlyList<RevisionSummary> Revisions);
