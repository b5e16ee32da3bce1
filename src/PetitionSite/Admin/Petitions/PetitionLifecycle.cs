using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Admin.Audit;
using PetitionSite.Data;
using PetitionSite.Petitions;

namespace PetitionSite.Admin.Petitions;

// Pending → Open → Closed, Closed → Open again, or Rejected. Each change is saved with its audit entry and
// shows on the public pages at once: the cached copies of the petition and the list are evicted.
public sealed class PetitionLifecycle(IDbContextFactory<PetitionsDbContext> factory, AuditLog audit, TimeProvider time, IOutputCacheStore cachedPages)
{
    public const int ReasonLength = 1000;

    public Task<TransitionOutcome> OpenAsync(string slug, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(slug, actor, AuditAction.PetitionOpened, p => p.State == PetitionState.Pending, (p, now) =>
        {
            p.State = PetitionState.Open;
            p.OpenedAt = now;
            return "Opened" + ClearPassedClosingDate(p, now);
        }, cancellationToken);

    public Task<TransitionOutcome> CloseAsync(string slug, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(slug, actor, AuditAction.PetitionClosed, p => p.State == PetitionState.Open, (p, now) =>
        {
            p.State = PetitionState.Closed;
            p.ClosedAt = now;
            return $"Closed with {p.SignatureCount} confirmed signatures";
        }, cancellationToken);

    public Task<TransitionOutcome> ReopenAsync(string slug, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(slug, actor, AuditAction.PetitionReopened, p => p.State == PetitionState.Closed, (p, now) =>
        {
            p.State = PetitionState.Open;
            p.ClosedAt = null;
            return "Reopened" + ClearPassedClosingDate(p, now);
        }, cancellationToken);

    // Takes a petition off the public site for good; the reason is for the admins who look at it later.
    public Task<TransitionOutcome> RejectAsync(string slug, string reason, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(slug, actor, AuditAction.PetitionRejected, p => p.State != PetitionState.Rejected, (p, now) =>
        {
            var was = p.State;
            p.State = PetitionState.Rejected;
            p.RejectionReason = reason;
            // Signing stops here (or stopped at an earlier closing): the retention jobs erase its signers as long after.
            p.ClosedAt ??= now;
            return $"Rejected while {was}: {reason}";
        }, cancellationToken);

    // The schedule's opening: only if the petition is still pending and its opening date has come.
    public Task<TransitionOutcome> OpenAsScheduledAsync(string slug, CancellationToken cancellationToken) =>
        ChangeAsync(slug, null, AuditAction.PetitionOpened, (p, now) => p.State == PetitionState.Pending && p.OpensAt <= now, (p, _) =>
        {
            p.State = PetitionState.Open;
            p.OpenedAt = p.OpensAt;
            return "Opened on its opening date";
        }, cancellationToken);

    // The schedule's closing: at the closing date itself, so the grace for late confirmations runs from then.
    public Task<TransitionOutcome> CloseAsScheduledAsync(string slug, CancellationToken cancellationToken) =>
        ChangeAsync(slug, null, AuditAction.PetitionClosed, (p, now) => p.State == PetitionState.Open && p.ClosesAt <= now, (p, _) =>
        {
            p.State = PetitionState.Closed;
            p.ClosedAt = p.ClosesAt;
            return $"Closed on its closing date with {p.SignatureCount} confirmed signatures";
        }, cancellationToken);

    // A petition opened by hand after its closing date would be closed again by the schedule at once.
    private static string ClearPassedClosingDate(Petition petition, DateTime now)
    {
        if (petition.ClosesAt is not { } closesAt || closesAt > now)
        {
            return "";
        }

        petition.ClosesAt = null;
        return $"; its closing date {PetitionDate.Describe(closesAt)} had passed and was removed";
    }

    private Task<TransitionOutcome> ChangeAsync(string slug, string? actor, AuditAction action, Func<Petition, bool> allowed, Func<Petition, DateTime, string> change, CancellationToken cancellationToken) =>
        ChangeAsync(slug, actor, action, (p, _) => allowed(p), change, cancellationToken);

    private async Task<TransitionOutcome> ChangeAsync(
        string slug,
        string? actor,
        AuditAction action,
        Func<Petition, DateTime, bool> allowed,
        Func<Petition, DateTime, string> change,
        CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            // Immediate on SQLite: the state checked is the state changed, even with two admins pressing at once.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var petition = await db.Petitions.FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
            if (petition is null)
            {
                return TransitionOutcome.NotFound;
            }

            var now = time.GetUtcNow().UtcDateTime;
            if (!allowed(petition, now))
            {
                return TransitionOutcome.NotAllowed;
            }

            audit.Add(db, actor, action, slug, change(petition, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await cachedPages.EvictCountOfAsync(slug);
        return TransitionOutcome.Done;
    }
}
