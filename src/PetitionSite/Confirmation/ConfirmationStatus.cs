namespace PetitionSite.Confirmation;

public enum ConfirmationStatus
{
    Unknown,
    AwaitingConfirmation,
    Confirmed,
    AlreadyConfirmed,
    Expired,
}
