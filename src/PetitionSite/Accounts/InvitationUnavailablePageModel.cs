namespace PetitionSite.Accounts;

public sealed record InvitationUnavailablePageModel(string Title, string Explanation);
