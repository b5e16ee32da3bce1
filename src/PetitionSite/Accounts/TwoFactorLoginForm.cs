namespace PetitionSite.Accounts;

// The six digits from an authenticator app, or one of the recovery codes.
public sealed class TwoFactorLoginForm
{
    public string? Code { get; set; }

    public bool UseRecoveryCode { get; set; }
}
