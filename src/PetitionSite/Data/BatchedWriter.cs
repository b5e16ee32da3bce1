using System.Threading.Channels;

namespace PetitionSite.Data;

// SQLite has one writer at a time, so each kind of write goes through one loop that commits requests in batches:
// each caller awaits the commit of its own batch, and a viral surge costs one transaction per batch, not per request.
public abstract partial class BatchedWriter<TRequest, TResult>(ILogger logger) : BackgroundService
{
    private const int MaxBatchSize = 256;

    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Refuse new requests, then let the loop drain and commit every one already accepted.
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    // Queues the request and waits for its batch to commit; once queued, it is committed even if the caller goes away.
    protected async Task<TResult> WriteAsync(TRequest request, CancellationToken cancellationToken)
    {
        var pending = new Pending(request);
        await queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Outcome.Task;
    }

    // Commits the whole batch in one transaction, returning one result per request, in order.
    protected abstract Task<TResult[]> CommitAsync(IReadOnlyList<TRequest> batch);

    // After a commit, before the next batch: wake whoever acts on what was written.
    protected virtual void Committed(IReadOnlyList<TResult> results)
    {
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatchSize);
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatchSize && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await CommitAndAnswerAsync(batch);
            batch.Clear();
        }
    }

    private async Task CommitAndAnswerAsync(List<Pending> batch)
    {
        TResult[] results;
        try
        {
            results = await CommitAsync([.. batch.Select(p => p.Request)]);
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            LogBatchFailed(logger, ex, batch.Count, GetType().Name);
            // One bad request must not fail its neighbours: retry each alone.
            foreach (var pending in batch)
            {
                await CommitAndAnswerAsync([pending]);
            }

            return;
        }
        catch (Exception ex)
        {
            batch[0].Outcome.TrySetException(ex);
            return;
        }

        Committed(results);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Outcome.TrySetResult(results[i]);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} requests to {Writer} failed; committing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count, string writer);

    private sealed class Pending(TRequest request)
    {
        public TRequest Request { get; } = request;

        public TaskCompletionSource<TResult> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
