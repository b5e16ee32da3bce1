namespace PetitionSite.Accounts;

public sealed record RecoveryCodesPageModel(IReadOnlyList<string> Codes, string ContinueUrl);
