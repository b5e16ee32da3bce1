namespace PetitionSite.Admin.Petitions;

// One revision's text, as its signers read it.
public sealed record RevisionPage(string Slug, bool IsCurrent, RevisionSummary Revision, string Summary, string BodyHtml);
