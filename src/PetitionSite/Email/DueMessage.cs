namespace PetitionSite.Email;

// An outbox row with what its email needs to say, read in one query.
public sealed record DueMessage(
    long Id,
    OutboxMessageKind Kind,
    int Attempts,
    long SignatureId,
    string FirstName,
    string LastName,
    string Email,
    string PetitionSlug,
    string PetitionTitle);
