namespace PetitionSite.Confirmation;

public sealed record ConfirmPageModel(string Token, string PetitionTitle, string? Problem = null);
