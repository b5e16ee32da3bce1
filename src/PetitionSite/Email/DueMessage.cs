namespace PetitionSite.Email;

// An outbox row that is due, with the subject its composer reads the rest from.
// Language: the page's language when it was asked for, or null to write it in its subject's language.
public sealed record DueMessage(long Id, OutboxMessageKind Kind, int Attempts, long? SignatureId, long? InvitationId, string? Language = null);
