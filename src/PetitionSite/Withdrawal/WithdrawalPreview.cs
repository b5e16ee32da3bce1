namespace PetitionSite.Withdrawal;

// What the withdrawal page tells the signer before they press the button.
public sealed record WithdrawalPreview(string PetitionTitle, string TitleLanguage, bool IsCounted);
