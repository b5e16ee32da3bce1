namespace PetitionSite.Accounts;

// The "choose your password" page; the problems are Identity's own words about a password that does not meet its rules.
public sealed record AcceptInvitationPageModel(string Token, string Email, IReadOnlyList<string> PasswordProblems, string? ConfirmProblem = null)
{
    public bool HasProblems => PasswordProblems.Count > 0 || ConfirmProblem is not null;
}
