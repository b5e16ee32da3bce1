namespace PetitionSite.Admin.Audit;

public enum AuditAction
{
    SignedIn,
    SignInFailed,
    LockedOut,
    SignedOut,
    TwoFactorEnabled,
    TwoFactorReset,
    AdminCreated,
    OrganiserInvited,
    InvitationAccepted,
    OrganiserAssigned,
    OrganiserUnassigned,
    PetitionCreated,
    PetitionEdited,
    PetitionOpened,
    PetitionClosed,
    PetitionReopened,
    PetitionRejected,
    SignaturesInvalidated,
    SignaturesReinstated,
    SignatureErased,
    SignaturesExported,
    SignatureWithdrawn,
    PersonalDataErased,
}
