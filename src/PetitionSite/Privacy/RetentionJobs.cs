using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PetitionSite.Accounts;
using PetitionSite.Admin.Audit;
using PetitionSite.Data;
using PetitionSite.Email;
using PetitionSite.Petitions;
using PetitionSite.Signing;

namespace PetitionSite.Privacy;

// Deletes what the site no longer needs, every Privacy:RetentionInterval: unconfirmed signatures, client addresses, the
// signers of petitions closed or rejected long enough ago, spent confirmation links, expired invitations, old emails and
// audit lines. It goes by times kept in the database alone (signed, confirmed, closed, expired, sent, erased), so a run after a restart carries on where the last
// one stopped, and a second run finds nothing left to do. Rows go in bounded batches, each its own short statement, so
// signing never waits for more than one batch.
public sealed partial class RetentionJobs(
    IDbContextFactory<PetitionsDbContext> factory,
    AuditLog audit,
    IOptions<PrivacyOptions> options,
    TimeProvider time,
    ILogger<RetentionJobs> logger) : BackgroundService
{
    private const int Batch = 1000;

    // Not at once: start-up has enough to do, and a site restarting in a loop should not purge in a loop.
    private static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(1);

    // The schedule and anyone else (a test, say) never run the jobs side by side.
    private readonly SemaphoreSlim running = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRunDelay, time, stoppingToken);
            using var timer = new PeriodicTimer(options.Value.RetentionInterval, time);
            do
            {
                try
                {
                    await RunAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The next run tries again; a busy database must not stop the jobs for good.
                    LogFailed(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task<RetentionReport> RunAsync(CancellationToken cancellationToken)
    {
        await running.WaitAsync(cancellationToken);
        try
        {
            var settings = options.Value;
            var now = time.GetUtcNow().UtcDateTime;
            await StartRejectedPetitionsClockAsync(now, cancellationToken);
            var (erasedPetitions, erasedSignatures) = await EraseClosedPetitionsAsync(now, settings.AnonymiseAfterCloseDays, cancellationToken);
            var report = new RetentionReport(
                UnconfirmedSignatures: await DeleteUnconfirmedSignaturesAsync(now.AddDays(-settings.UnconfirmedSignatureDays), cancellationToken),
                ClientAddresses: await ClearClientAddressesAsync(now.AddDays(-settings.ClientAddressDays), cancellationToken),
                ErasedPetitions: erasedPetitions,
                ErasedSignatures: erasedSignatures,
                ConfirmationLinks: await DeleteSpentConfirmationLinksAsync(now.AddDays(-settings.SpentLinkDays), cancellationToken),
                Invitations: await DeleteExpiredInvitationsAsync(now.AddDays(-settings.ExpiredInvitationDays), cancellationToken),
                SentEmails: await DeleteSentEmailsAsync(now.AddDays(-settings.SentEmailDays), cancellationToken),
                FailedEmails: await DeleteFailedEmailsAsync(now.AddDays(-settings.FailedEmailDays), cancellationToken),
                AuditLines: await DeleteAuditLinesAsync(now.AddDays(-settings.AuditDays), cancellationToken));
            LogRun(logger, report.UnconfirmedSignatures, report.ClientAddresses, report.ErasedSignatures, report.ErasedPetitions,
                report.ConfirmationLinks, report.Invitations, report.SentEmails, report.FailedEmails, report.AuditLines);
            return report;
        }
        finally
        {
            running.Release();
        }
    }

    // Their links and waiting emails go with them: the foreign keys cascade.
    private Task<int> DeleteUnconfirmedSignaturesAsync(DateTime signedBefore, CancellationToken cancellationToken)
    {
        Expression<Func<Signature, bool>> due = s => s.ConfirmedAt == null && s.CreatedAt < signedBefore;
        return InIdOrderAsync(
            (db, after) => db.Signatures.Where(s => s.Id > after).Where(due).OrderBy(s => s.Id).Select(s => s.Id),
            (db, ids) => db.Signatures.Where(s => ids.Contains(s.Id)).Where(due).ExecuteDeleteAsync(cancellationToken),
            cancellationToken);
    }

    private Task<int> ClearClientAddressesAsync(DateTime signedBefore, CancellationToken cancellationToken)
    {
        Expression<Func<Signature, bool>> due = s => s.CreatedAt < signedBefore && (s.ClientAddress != null || s.ClientNetwork != null);
        return InIdOrderAsync(
            (db, after) => db.Signatures.Where(s => s.Id > after).Where(due).OrderBy(s => s.Id).Select(s => s.Id),
            (db, ids) => db.Signatures.Where(s => ids.Contains(s.Id)).Where(due)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClientAddress, (string?)null).SetProperty(x => x.ClientNetwork, (string?)null), cancellationToken),
            cancellationToken);
    }

    // A petition rejected before rejecting stamped ClosedAt has no time to measure from: its time starts now, never sooner.
    private async Task StartRejectedPetitionsClockAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Petitions
            .Where(p => p.State == PetitionState.Rejected && p.ClosedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ClosedAt, now), cancellationToken);
    }

    // Every signature made before a petition closed (or was rejected) is deleted once it has been so long enough; the count
    // and its counters by hour, country and source stay. A petition reopened since is left alone until it closes again,
    // and then waits its full time from the new closing date. A rejected petition is never reopened.
    private async Task<(int Petitions, int Signatures)> EraseClosedPetitionsAsync(DateTime now, int afterDays, CancellationToken cancellationToken)
    {
        var closedBefore = now.AddDays(-afterDays);
        List<(int Id, string Slug, PetitionState State, DateTime ClosedAt)> due;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            due = (await db.Petitions
                .AsNoTracking()
                .Where(p => (p.State == PetitionState.Closed || p.State == PetitionState.Rejected) && p.ClosedAt <= closedBefore
                    && (p.PersonalDataErasedAt == null || p.PersonalDataErasedAt < p.ClosedAt))
                .Select(p => new { p.Id, p.Slug, p.State, ClosedAt = p.ClosedAt!.Value })
                .ToListAsync(cancellationToken))
                .Select(p => (p.Id, p.Slug, p.State, p.ClosedAt))
                .ToList();
        }

        var erased = 0;
        foreach (var (id, slug, state, closedAt) in due)
        {
            // By the (PetitionId, CreatedAt) index; each batch checks that the petition is still closed at the same moment,
            // in case it is reopened meanwhile.
            var deleted = await InBatchesAsync(db => db.Signatures
                .Where(s => s.PetitionId == id && s.CreatedAt <= closedAt && s.Petition!.State == state && s.Petition.ClosedAt == closedAt)
                .OrderBy(s => s.CreatedAt)
                .Take(Batch)
                .ExecuteDeleteAsync(cancellationToken), cancellationToken);

            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var marked = await db.Petitions
                .Where(p => p.Id == id && p.State == state && p.ClosedAt == closedAt)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.PersonalDataErasedAt, now), cancellationToken);
            if (marked == 1)
            {
                var after = state == PetitionState.Rejected ? "rejection" : "closing";
                audit.Add(db, null, AuditAction.PersonalDataErased, slug,
                    $"Signers' personal data erased {afterDays} days after {after}: {deleted} signatures deleted; the count and its figures by hour, country and source are kept");
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            erased += deleted;
        }

        return (due.Count, erased);
    }

    // Links whose signature was confirmed, or that expired, before the cut-off; the rest go with their signatures.
    private Task<int> DeleteSpentConfirmationLinksAsync(DateTime spentBefore, CancellationToken cancellationToken) =>
        InBatchesAsync(db => db.ConfirmationTokens
            .Where(t => t.ExpiresAt < spentBefore || t.Signature!.ConfirmedAt < spentBefore)
            .OrderBy(t => t.Hash)
            .Take(Batch)
            .ExecuteDeleteAsync(cancellationToken), cancellationToken);

    // Invitations nobody accepted before they expired: the address of someone who never joined, and a dead link. Their
    // unsent emails go with them (the foreign key cascades); the invited account stays for an admin to invite again.
    private Task<int> DeleteExpiredInvitationsAsync(DateTime expiredBefore, CancellationToken cancellationToken)
    {
        Expression<Func<Invitation, bool>> due = i => i.AcceptedAt == null && i.ExpiresAt < expiredBefore;
        return InIdOrderAsync(
            (db, after) => db.Invitations.Where(i => i.Id > after).Where(due).OrderBy(i => i.Id).Select(i => i.Id),
            (db, ids) => db.Invitations.Where(i => ids.Contains(i.Id)).Where(due).ExecuteDeleteAsync(cancellationToken),
            cancellationToken);
    }

    private Task<int> DeleteSentEmailsAsync(DateTime sentBefore, CancellationToken cancellationToken) =>
        DeleteEmailsAsync(m => m.State == OutboxState.Sent && m.SentAt < sentBefore, cancellationToken);

    // By when they were written: a failed email stops retrying within hours of it.
    private Task<int> DeleteFailedEmailsAsync(DateTime writtenBefore, CancellationToken cancellationToken) =>
        DeleteEmailsAsync(m => m.State == OutboxState.Failed && m.CreatedAt < writtenBefore, cancellationToken);

    private Task<int> DeleteEmailsAsync(Expression<Func<OutboxMessage, bool>> due, CancellationToken cancellationToken) =>
        InIdOrderAsync(
            (db, after) => db.OutboxMessages.Where(m => m.Id > after).Where(due).OrderBy(m => m.Id).Select(m => m.Id),
            (db, ids) => db.OutboxMessages.Where(m => ids.Contains(m.Id)).Where(due).ExecuteDeleteAsync(cancellationToken),
            cancellationToken);

    // By the index on At, oldest first.
    private Task<int> DeleteAuditLinesAsync(DateTime before, CancellationToken cancellationToken) =>
        InBatchesAsync(db => db.AuditEntries
            .Where(e => e.At < before)
            .OrderBy(e => e.At)
            .Take(Batch)
            .ExecuteDeleteAsync(cancellationToken), cancellationToken);

    // Walks a table in id order: the next batch of matching ids is read outside any transaction, from where the last
    // batch ended, and only the rows that still match are changed, in one short statement. No row is read twice a run.
    private async Task<int> InIdOrderAsync(
        Func<PetitionsDbContext, long, IQueryable<long>> matchingAfter,
        Func<PetitionsDbContext, List<long>, Task<int>> change,
        CancellationToken cancellationToken)
    {
        var total = 0;
        var after = 0L;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var ids = await matchingAfter(db, after).Take(Batch).ToListAsync(cancellationToken);
            if (ids.Count > 0)
            {
                total += await change(db, ids);
                after = ids[^1];
            }

            if (ids.Count < Batch)
            {
                return total;
            }
        }
    }

    // One bounded statement after another, for queries whose index leads straight to the rows due, until one finds less than a full batch.
    private async Task<int> InBatchesAsync(Func<PetitionsDbContext, Task<int>> statement, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var affected = await statement(db);
            total += affected;
            if (affected < Batch)
            {
                return total;
            }
        }
    }

    public override void Dispose()
    {
        running.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Unconfirmed} unconfirmed signatures, cleared {Addresses} client addresses, " +
        "erased {Erased} signatures of {Petitions} closed or rejected petitions, deleted {Links} spent confirmation links, {Invitations} expired invitations, " +
        "{Sent} sent and {Failed} failed emails, {Audit} audit lines")]
    private static partial void LogRun(ILogger logger, int unconfirmed, int addresses, int erased, int petitions, int links, int invitations, int sent, int failed, int audit);

    [LoggerMessage(Level = LogLevel.Error, Message = "The retention jobs could not run")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
