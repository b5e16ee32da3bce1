namespace PetitionSite.Confirmation;

public enum ConfirmationStatus
{
    Unknown,
    AwaitingConfirmation,
    Confirmed,
    AlreadyConfirmed,
    Expired,

    // The petition closed, and the grace period for signatures made before it closed is over.
    PetitionClosed,
}
