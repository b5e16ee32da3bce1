namespace PetitionSite.Confirmation;

public sealed record ConfirmPageModel(string Token, string PetitionTitle, string TitleLanguage, string? Problem = null);
