namespace PetitionSite.Accounts;

public sealed record LoginPageModel(string? Email, string? ReturnUrl, string? Problem = null);
