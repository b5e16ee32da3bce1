using System.Threading.RateLimiting;

namespace PetitionSite.Site;

// A limit counted per key that only the request's content reveals (an email address, an account). The middleware runs
// before model binding, so the action asks for a permit itself, once the key is read and valid, before anything is written.
public abstract class PerKeyRateLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    protected PerKeyRateLimit(RateLimitingOptions options, RateLimit limit)
    {
        limiter = options.Enabled
            ? PartitionedRateLimiter.Create<string, string>(limit.PartitionOf)
            : PartitionedRateLimiter.Create<string, string>(static _ => RateLimitPartition.GetNoLimiter(string.Empty));
    }

    public RateLimitLease Attempt(string key) => limiter.AttemptAcquire(key);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            limiter.Dispose();
        }
    }
}
