namespace PetitionSite.Accounts;

public sealed class LoginForm
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}
