namespace PetitionSite.Signing;

// Never shown to the person signing: whether an address had signed before is told only to its mailbox.
public enum SigningOutcome
{
    Accepted,
    AlreadySignedNotConfirmed,
    AlreadySignedAndConfirmed,
}
