namespace PetitionSite.Accounts;

public sealed class AcceptInvitationForm
{
    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }
}
