namespace PetitionSite.Email;

// An outbox row that is due, with the subject its composer reads the rest from.
public sealed record DueMessage(long Id, OutboxMessageKind Kind, int Attempts, long? SignatureId, long? InvitationId);
