namespace PetitionSite.Email;

// An email waiting to go out. Each feature composes its own kinds at send time, so no token is ever stored in clear.
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public OutboxMessageKind Kind { get; set; }

    // What the email is about: a signature or an invitation. Deleting it deletes its waiting emails.
    public long? SignatureId { get; set; }

    public long? InvitationId { get; set; }

    // The language of the page that asked for it (someone may sign again from a page in another language); null: its signature's.
    public string? Language { get; set; }

    public OutboxState State { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? SentAt { get; set; }

    public string? LastError { get; set; }
}
