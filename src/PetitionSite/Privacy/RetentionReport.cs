namespace PetitionSite.Privacy;

// What one run of the retention jobs deleted or cleared: counts only, never whose.
public sealed record RetentionReport(
    int UnconfirmedSignatures,
    int ClientAddresses,
    int ErasedPetitions,
    int ErasedSignatures,
    int ConfirmationLinks,
    int Invitations,
    int SentEmails,
    int FailedEmails,
    int AuditLines)
{
    public bool IsEmpty => this == new RetentionReport(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
