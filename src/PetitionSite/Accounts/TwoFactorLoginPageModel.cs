namespace PetitionSite.Accounts;

public sealed record TwoFactorLoginPageModel(string? ReturnUrl, bool UseRecoveryCode, string? Problem = null);
