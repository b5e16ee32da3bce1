namespace PetitionSite.Accounts;

public sealed class AdminOptions
{
    public const string Section = "Admin";

    // The names on a political petition can put people at risk: a stolen password alone must not export them.
    public bool RequireTwoFactor { get; set; } = true;
}
