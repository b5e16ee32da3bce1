namespace PetitionSite.Unsubscribe;

// NothingChanged: the form came back without the one-click field, so the button is offered again.
public sealed record UnsubscribePageModel(string Token, string PetitionTitle, bool NothingChanged = false);
