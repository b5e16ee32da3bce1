namespace PetitionSite.Admin.Moderation;

// The confirmation step before erasing a signature for good.
public sealed record ErasePageModel(string Slug, string Title, SignatureRow Signature, string BackLink);
