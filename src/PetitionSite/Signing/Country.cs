namespace PetitionSite.Signing;

public sealed record Country(string Code, string Name);
