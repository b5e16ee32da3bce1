using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Data;
using PetitionSite.Email;

namespace PetitionSite.Signing;

// SQLite has one writer at a time, so signatures are written by one loop that commits them in batches:
// each caller awaits the commit of its own batch, and a viral surge costs one transaction per batch, not per row.
public sealed partial class SignatureWriter(
    IDbContextFactory<PetitionsDbContext> factory,
    OutboxSignal outbox,
    TimeProvider time,
    ILogger<SignatureWriter> logger) : BackgroundService, ISignatureWriter
{
    private const int MaxBatchSize = 256;

    private readonly Channel<PendingSignature> queue = Channel.CreateBounded<PendingSignature>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public async Task<SigningOutcome> SignAsync(NewSignature signature, CancellationToken cancellationToken)
    {
        var pending = new PendingSignature(signature);
        await queue.Writer.WriteAsync(pending, cancellationToken);
        // Once queued, the signature is written even if the caller goes away.
        return await pending.Outcome.Task;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Refuse new signatures, then let the loop drain and commit every one already accepted.
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingSignature>(MaxBatchSize);
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatchSize && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await WriteAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<PendingSignature> batch)
    {
        try
        {
            var outcomes = await CommitAsync(batch);
            outbox.Notify();
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Outcome.TrySetResult(outcomes[i]);
            }
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            LogBatchFailed(logger, ex, batch.Count);
            // One bad row must not fail its neighbours: retry each alone.
            foreach (var pending in batch)
            {
                await WriteAsync([pending]);
            }
        }
        catch (Exception ex)
        {
            batch[0].Outcome.TrySetException(ex);
        }
    }

    private async Task<SigningOutcome[]> CommitAsync(List<PendingSignature> batch)
    {
        await using var db = await factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();

        var petitionIds = batch.Select(p => p.Signature.PetitionId).Distinct().ToList();
        var emails = batch.Select(p => p.Signature.NormalizedEmail).Distinct().ToList();
        var signatures = await db.Signatures
            .Where(s => petitionIds.Contains(s.PetitionId) && emails.Contains(s.NormalizedEmail))
            .ToDictionaryAsync(s => (s.PetitionId, s.NormalizedEmail));

        var now = time.GetUtcNow().UtcDateTime;
        var outcomes = new SigningOutcome[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var candidate = batch[i].Signature;
            var key = (candidate.PetitionId, candidate.NormalizedEmail);
            if (signatures.TryGetValue(key, out var signature))
            {
                outcomes[i] = signature.State == SignatureState.Pending
                    ? SigningOutcome.AlreadySignedNotConfirmed
                    : SigningOutcome.AlreadySignedAndConfirmed;
            }
            else
            {
                signature = candidate.ToEntity();
                db.Signatures.Add(signature);
                signatures[key] = signature;
                outcomes[i] = SigningOutcome.Accepted;
            }

            db.OutboxMessages.Add(new OutboxMessage
            {
                Signature = signature,
                Kind = outcomes[i] == SigningOutcome.AlreadySignedAndConfirmed ? OutboxMessageKind.AlreadySigned : OutboxMessageKind.ConfirmationRequest,
                State = OutboxState.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return outcomes;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} signatures failed; writing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    private sealed class PendingSignature(NewSignature signature)
    {
        public NewSignature Signature { get; } = signature;

        public TaskCompletionSource<SigningOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
