using PetitionSite.Data;

namespace PetitionSite.Email;

// Each feature writes the emails of its own kinds; the sender only delivers them.
public interface IEmailComposer
{
    IReadOnlyCollection<OutboxMessageKind> Kinds { get; }

    // One email per due message, in the same order, or null when its subject is gone. Rows added to the context
    // (a token's hash, say) are saved before any of the emails leaves.
    Task<IReadOnlyList<OutgoingEmail?>> ComposeAsync(PetitionsDbContext db, IReadOnlyList<DueMessage> due, DateTime now, CancellationToken cancellationToken);
}
