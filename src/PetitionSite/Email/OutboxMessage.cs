using PetitionSite.Signing;

namespace PetitionSite.Email;

// An email waiting to go out. Its content is composed at send time, so no token is ever stored in clear.
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public OutboxMessageKind Kind { get; set; }

    public long SignatureId { get; set; }

    public Signature? Signature { get; set; }

    public OutboxState State { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? SentAt { get; set; }

    public string? LastError { get; set; }
}
