using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PetitionSite.Data;
using PetitionSite.Petitions;
using PetitionSite.Signing;
using PetitionSite.Site;

namespace PetitionSite.Confirmation;

// Confirms signatures. Like signing, confirming goes through one loop that commits in batches: when many people press
// their links at once they share one transaction instead of queueing for SQLite's single write lock one by one.
// Each signature's state and its petition's counts change together, guarded so that races count once.
public sealed partial class SignatureConfirmer(
    IDbContextFactory<PetitionsDbContext> factory,
    CountRefresh countRefresh,
    IOptions<PetitionOptions> options,
    TimeProvider time,
    ILogger<SignatureConfirmer> logger) : BackgroundService
{
    private const int MaxBatchSize = 256;

    private readonly Channel<PendingConfirmation> queue = Channel.CreateBounded<PendingConfirmation>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    // What a confirmation link would do, without doing it: a GET must never confirm.
    public async Task<ConfirmationResult> PreviewAsync(string token, CancellationToken cancellationToken)
    {
        if (!OneTimeTokens.TryHash(token, out var hash))
        {
            return ConfirmationResult.Unknown;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await FindAsync(db, hash, cancellationToken);
        return found is null ? ConfirmationResult.Unknown : new(StatusOf(found), found.Slug, found.Title);
    }

    public async Task<ConfirmationResult> ConfirmAsync(string token, CancellationToken cancellationToken)
    {
        if (!OneTimeTokens.TryHash(token, out var hash))
        {
            return ConfirmationResult.Unknown;
        }

        var pending = new PendingConfirmation(hash);
        await queue.Writer.WriteAsync(pending, cancellationToken);
        // Once queued, the confirmation is committed even if the caller goes away.
        return await pending.Outcome.Task;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingConfirmation>(MaxBatchSize);
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatchSize && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await ConfirmAsync(batch);
            batch.Clear();
        }
    }

    private async Task ConfirmAsync(List<PendingConfirmation> batch)
    {
        try
        {
            var results = await CommitAsync(batch);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Outcome.TrySetResult(results[i]);
            }

            foreach (var slug in results.Where(r => r.Status == ConfirmationStatus.Confirmed).Select(r => r.Slug!).Distinct())
            {
                countRefresh.CountMoved(slug);
            }
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            LogBatchFailed(logger, ex, batch.Count);
            // One bad row must not fail its neighbours: retry each alone.
            foreach (var pending in batch)
            {
                await ConfirmAsync([pending]);
            }
        }
        catch (Exception ex)
        {
            batch[0].Outcome.TrySetException(ex);
        }
    }

    private async Task<ConfirmationResult[]> CommitAsync(List<PendingConfirmation> batch)
    {
        await using var db = await factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = time.GetUtcNow().UtcDateTime;
        var results = new ConfirmationResult[batch.Count];
        var counted = new Dictionary<int, List<CountedSignature>>();
        for (var i = 0; i < batch.Count; i++)
        {
            var found = await FindAsync(db, batch[i].Hash, CancellationToken.None);
            if (found is null)
            {
                results[i] = ConfirmationResult.Unknown;
                continue;
            }

            var status = StatusOf(found);
            if (status != ConfirmationStatus.AwaitingConfirmation)
            {
                results[i] = new(status, found.Slug, found.Title);
                continue;
            }

            // Guarded by its state: the same link pressed twice in one batch, or in two, confirms once.
            var confirmed = await db.Signatures
                .Where(s => s.Id == found.SignatureId && s.State == SignatureState.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, SignatureState.Validated).SetProperty(x => x.ConfirmedAt, now));
            if (confirmed == 1)
            {
                (counted.TryGetValue(found.PetitionId, out var list) ? list : counted[found.PetitionId] = []).Add(new(now, found.CountryCode, found.Source));
            }

            results[i] = new(confirmed == 1 ? ConfirmationStatus.Confirmed : ConfirmationStatus.AlreadyConfirmed, found.Slug, found.Title);
        }

        foreach (var (petitionId, signatures) in counted)
        {
            await PetitionCounts.MoveAsync(db, petitionId, signatures, +1, CancellationToken.None);
        }

        await transaction.CommitAsync();
        return results;
    }

    private ConfirmationStatus StatusOf(FoundToken found)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return found.State switch
        {
            SignatureState.Validated => ConfirmationStatus.AlreadyConfirmed,
            SignatureState.Invalidated => ConfirmationStatus.Unknown,
            _ when !CanStillCount(found, now) => ConfirmationStatus.PetitionClosed,
            _ when found.ExpiresAt <= now => ConfirmationStatus.Expired,
            _ => ConfirmationStatus.AwaitingConfirmation,
        };
    }

    // As on the UK Parliament's site: a signature made before closing counts if confirmed within the grace period after it.
    private bool CanStillCount(FoundToken found, DateTime now) => found.PetitionState switch
    {
        PetitionState.Open => true,
        PetitionState.Closed => found.ClosedAt is { } closedAt && found.SignedAt < closedAt && now <= closedAt + options.Value.ConfirmationGraceAfterClose,
        _ => false,
    };

    private static Task<FoundToken?> FindAsync(PetitionsDbContext db, byte[] hash, CancellationToken cancellationToken) =>
        db.ConfirmationTokens
            .AsNoTracking()
            .Where(t => t.Hash == hash)
            .Select(t => new FoundToken(
                t.SignatureId,
                t.ExpiresAt,
                t.Signature!.State,
                t.Signature.CreatedAt,
                t.Signature.CountryCode,
                t.Signature.Source,
                t.Signature.PetitionId,
                t.Signature.Petition!.Slug,
                t.Signature.Petition.Title,
                t.Signature.Petition.State,
                t.Signature.Petition.ClosedAt))
            .FirstOrDefaultAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} confirmations failed; confirming them one by one")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    private sealed record FoundToken(
        long SignatureId,
        DateTime ExpiresAt,
        SignatureState State,
        DateTime SignedAt,
        string CountryCode,
        string? Source,
        int PetitionId,
        string Slug,
        string Title,
        PetitionState PetitionState,
        DateTime? ClosedAt);

    private sealed class PendingConfirmation(byte[] hash)
    {
        public byte[] Hash { get; } = hash;

        public TaskCompletionSource<ConfirmationResult> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
