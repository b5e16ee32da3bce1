namespace PetitionSite.Email;

public enum OutboxMessageKind
{
    // A link to confirm a pending signature (also sent again when someone signs twice before confirming).
    ConfirmationRequest,

    // Someone signed again with an address whose signature is already confirmed.
    AlreadySigned,

    // An admin invited an organiser: a link to choose a password.
    Invitation,
}
