namespace PetitionSite.Accounts;

// The two-factor page: its state, and when it is off, what is needed to turn it on.
public sealed record TwoFactorPageModel(bool Enabled, string? ReturnUrl, AuthenticatorSetup? Setup = null, int RecoveryCodesLeft = 0, string? Problem = null);
