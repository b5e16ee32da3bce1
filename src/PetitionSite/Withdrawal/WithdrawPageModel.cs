namespace PetitionSite.Withdrawal;

// PageExpired: the button was pressed on a page whose form token had lapsed, so it is offered again.
public sealed record WithdrawPageModel(string Token, WithdrawalPreview Preview, bool PageExpired = false);
