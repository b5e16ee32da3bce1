using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Admin.Audit;
using PetitionSite.Data;
using PetitionSite.Petitions;
using PetitionSite.Signing;

namespace PetitionSite.Admin.Moderation;

// Invalidating, reinstating and erasing signatures. Each change, the count it moves and its audit line commit together;
// rows are changed only from the state they were read in, so two admins acting at once move the count once.
public sealed class SignatureModeration(
    IDbContextFactory<PetitionsDbContext> factory, IOutputCacheStore cachedPages, AuditLog audit, CanonicalMailbox mailbox, TimeProvider time)
{
    // Enough ids per statement to be quick, few enough for any database's parameter limit.
    private const int Batch = 500;

    // How many of the chosen signatures a change would affect, and how many of those are counted (confirmed).
    public async Task<ModerationPreview> PreviewAsync(int petitionId, ChosenSignatures chosen, ModerationChange change, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var affected = Affected(chosen.Apply(db.Signatures.AsNoTracking(), petitionId, mailbox), change);
        var counts = await affected
            .GroupBy(s => s.ConfirmedAt != null)
            .Select(g => new { Confirmed = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var newest = await affected.MaxAsync(s => (long?)s.Id, cancellationToken);
        return new ModerationPreview(counts.Sum(c => c.Count), counts.Where(c => c.Confirmed).Sum(c => c.Count), newest);
    }

    // The newest few of the signatures a change would affect, for the admin to look at before confirming it.
    public async Task<IReadOnlyList<SignatureRow>> SampleAsync(int petitionId, ChosenSignatures chosen, ModerationChange change, int count, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Affected(chosen.Apply(db.Signatures.AsNoTracking(), petitionId, mailbox), change)
            .OrderByDescending(s => s.Id)
            .Take(count)
            .Select(s => new SignatureRow(s.Id, s.FirstName, s.LastName, s.Email, s.CountryCode, s.Source, s.State, s.CreatedAt, s.ConfirmedAt, s.Revision, s.InvalidationReason, s.ClientNetwork))
            .ToListAsync(cancellationToken);
    }

    // Applies the change to the chosen signatures and returns how many changed.
    public async Task<ModerationPreview> ApplyAsync(
        int petitionId,
        string slug,
        ChosenSignatures chosen,
        ModerationChange change,
        string? reason,
        string actor,
        CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        long changed = 0, counted = 0;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var ids = await Affected(chosen.Apply(db.Signatures, petitionId, mailbox), change).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
            foreach (var batch in ids.Chunk(Batch))
            {
                var (batchChanged, batchCounted) = change == ModerationChange.Invalidate
                    ? await InvalidateAsync(db, petitionId, batch, reason!, now, cancellationToken)
                    : await ReinstateAsync(db, petitionId, batch, cancellationToken);
                changed += batchChanged;
                counted += batchCounted;
            }

            var verb = change == ModerationChange.Invalidate ? "invalidated" : "reinstated";
            var details = $"{changed} signatures {verb} ({counted} confirmed); chosen as {chosen}"
                + (change == ModerationChange.Invalidate ? $". Reason: {reason}" : "");
            audit.Add(db, actor, change == ModerationChange.Invalidate ? AuditAction.SignaturesInvalidated : AuditAction.SignaturesReinstated, slug, details);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (counted > 0)
        {
            await cachedPages.EvictCountOfAsync(slug);
        }

        return new ModerationPreview(changed, counted, null);
    }

    // Deletes one signature and everything that names its signer, at the signer's request. False when it is already gone.
    public async Task<bool> EraseAsync(int petitionId, string slug, long signatureId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var found = await db.Signatures
            .Where(s => s.Id == signatureId && s.PetitionId == petitionId)
            .Select(s => new { s.State, s.ConfirmedAt, s.CountryCode, s.Source })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }

        // The foreign keys cascade too; deleting here says so plainly and does not depend on the database enforcing them.
        await db.ConfirmationTokens.Where(t => t.SignatureId == signatureId).ExecuteDeleteAsync(cancellationToken);
        await db.OutboxMessages.Where(m => m.SignatureId == signatureId).ExecuteDeleteAsync(cancellationToken);
        var deleted = await db.Signatures.Where(s => s.Id == signatureId && s.State == found.State).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            // Its state changed since it was read: leave it for the admin to try again with fresh eyes.
            return false;
        }

        var wasCounted = found.State == SignatureState.Validated;
        if (wasCounted)
        {
            await PetitionCounts.MoveAsync(db, petitionId, [new(found.ConfirmedAt!.Value, found.CountryCode, found.Source)], -1, cancellationToken);
        }

        var state = found.State switch
        {
            SignatureState.Validated => "it was confirmed",
            SignatureState.Invalidated => "it had been invalidated",
            _ => "it was awaiting confirmation",
        };
        audit.Add(db, actor, AuditAction.SignatureErased, slug, $"Signature #{signatureId} erased at the signer's request; {state}; country {found.CountryCode}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (wasCounted)
        {
            await cachedPages.EvictCountOfAsync(slug);
        }

        return true;
    }

    private static IQueryable<Signature> Affected(IQueryable<Signature> chosen, ModerationChange change) =>
        change == ModerationChange.Invalidate
            ? chosen.Where(s => s.State != SignatureState.Invalidated)
            : chosen.Where(s => s.State == SignatureState.Invalidated);

    private static async Task<(int Changed, int Counted)> InvalidateAsync(
        PetitionsDbContext db, int petitionId, long[] ids, string reason, DateTime now, CancellationToken cancellationToken)
    {
        var confirmed = await db.Signatures
            .Where(s => ids.Contains(s.Id) && s.State == SignatureState.Validated)
            .Select(s => new CountedSignature(s.ConfirmedAt!.Value, s.CountryCode, s.Source))
            .ToListAsync(cancellationToken);
        var confirmedChanged = await db.Signatures
            .Where(s => ids.Contains(s.Id) && s.State == SignatureState.Validated)
            .ExecuteUpdateAsync(Invalidated(reason, now), cancellationToken);
        Guard(confirmedChanged, confirmed.Count);
        await PetitionCounts.MoveAsync(db, petitionId, confirmed, -1, cancellationToken);

        var pendingChanged = await db.Signatures
            .Where(s => ids.Contains(s.Id) && s.State == SignatureState.Pending)
            .ExecuteUpdateAsync(Invalidated(reason, now), cancellationToken);
        return (confirmedChanged + pendingChanged, confirmedChanged);
    }

    private static async Task<(int Changed, int Counted)> ReinstateAsync(PetitionsDbContext db, int petitionId, long[] ids, CancellationToken cancellationToken)
    {
        var wasConfirmed = await db.Signatures
            .Where(s => ids.Contains(s.Id) && s.State == SignatureState.Invalidated && s.ConfirmedAt != null)
            .Select(s => new CountedSignature(s.ConfirmedAt!.Value, s.CountryCode, s.Source))
            .ToListAsync(cancellationToken);
        var confirmedChanged = await db.Signatures
            .Where(s => ids.Contains(s.Id) && s.State == SignatureState.Invalidated && s.ConfirmedAt != null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(x => x.State, SignatureState.Validated).SetProperty(x => x.InvalidatedAt, (DateTime?)null).SetProperty(x => x.InvalidationReason, (string?)null),
                cancellationToken);
        Guard(confirmedChanged, wasConfirmed.Count);
        // Back in the counters under the hour it was first confirmed, so the dashboard's timeline is as it was.
        await PetitionCounts.MoveAsync(db, petitionId, wasConfirmed, +1, cancellationToken);

        var pendingChanged = await db.Signatures
            .Where(s => ids.Contains(s.Id) && s.State == SignatureState.Invalidated && s.ConfirmedAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(x => x.State, SignatureState.Pending).SetProperty(x => x.InvalidatedAt, (DateTime?)null).SetProperty(x => x.InvalidationReason, (string?)null),
                cancellationToken);
        return (confirmedChanged + pendingChanged, confirmedChanged);
    }

    private static Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Signature>> Invalidated(string reason, DateTime now) =>
        s => s.SetProperty(x => x.State, SignatureState.Invalidated).SetProperty(x => x.InvalidatedAt, now).SetProperty(x => x.InvalidationReason, reason);

    // SQLite's transactions take the write lock when they begin, so the rows read are the rows changed; if another
    // database ever lets them differ, give up rather than move the count by the wrong amount.
    private static void Guard(int changed, int read)
    {
        if (changed != read)
        {
            throw new DbUpdateConcurrencyException($"{read} signatures were read but {changed} changed; nothing was saved.");
        }
    }
}
