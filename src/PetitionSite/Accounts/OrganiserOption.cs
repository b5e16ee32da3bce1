namespace PetitionSite.Accounts;

public sealed record OrganiserOption(string UserId, string Email);
