namespace PetitionSite.Unsubscribe;

public sealed record UnsubscribePageModel(string Token, string PetitionTitle, string? Problem = null);
