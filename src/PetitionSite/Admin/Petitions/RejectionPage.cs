namespace PetitionSite.Admin.Petitions;

// The reject form: the reason typed so far and, when it could not be accepted, why.
public sealed record RejectionPage(string Slug, string Title, string? Reason = null, string? Problem = null);
