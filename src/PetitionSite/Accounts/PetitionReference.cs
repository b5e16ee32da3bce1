namespace PetitionSite.Accounts;

public sealed record PetitionReference(string Slug, string Title);
