namespace PetitionSite.Accounts;

public sealed class InvitationForm
{
    public string? Email { get; set; }
}
