namespace PetitionSite.Withdrawal;

public sealed record WithdrawPageModel(string Token, WithdrawalPreview Preview, string? Problem = null);
