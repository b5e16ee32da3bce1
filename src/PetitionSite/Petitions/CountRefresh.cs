using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;

namespace PetitionSite.Petitions;

// Confirmations move counts hundreds of times a second on a viral day. Evicting the cached pages on each one would make
// every reader render afresh, so they are refreshed at most once per interval: a count shown is never older than that,
// plus one render. State changes (closing, moderation) still evict at once through PetitionPageCaching.EvictCountOfAsync.
public sealed class CountRefresh(IOutputCacheStore cachedPages) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, byte> moved = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim signal = new(0, 1);

    // A confirmation moved this petition's count: its cached copies are refreshed within the interval.
    public void CountMoved(string slug)
    {
        if (moved.TryAdd(slug, 0) && signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller signalled first; one wake-up is enough.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A page rendered from the count read just before a confirmation, and stored just after its eviction, would keep
        // the old count for the page's whole lifetime; so each petition is evicted once more an interval later, when
        // every render begun before the first eviction has finished.
        var again = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (true)
            {
                if (again.Count == 0)
                {
                    await signal.WaitAsync(stoppingToken);
                }

                var due = new HashSet<string>(again, StringComparer.Ordinal);
                again.Clear();
                foreach (var slug in moved.Keys)
                {
                    moved.TryRemove(slug, out _);
                    due.Add(slug);
                    again.Add(slug);
                }

                foreach (var slug in due)
                {
                    await cachedPages.EvictCountOfAsync(slug);
                }

                await Task.Delay(Interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        signal.Dispose();
        base.Dispose();
    }
}
