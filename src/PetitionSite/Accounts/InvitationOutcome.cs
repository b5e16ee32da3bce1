namespace PetitionSite.Accounts;

public enum InvitationOutcome
{
    Invited,

    // The person had been invited but had not chosen a password yet: a new link, and the old one no longer works.
    InvitedAgain,

    // The address already has an account of its own: nothing to invite.
    AlreadyHasAccount,
}
