using System.Threading.RateLimiting;

namespace PetitionSite.Site;

// One limit: up to PermitLimit requests at once, refilled one at a time over Window (a token bucket). A refused person
// waits for the next permit, Window / PermitLimit, not for a whole window to pass; Retry-After says how long.
public sealed class RateLimit
{
    public const int MaxPermitLimit = 10_000;

    public static readonly TimeSpan MinWindow = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    private Func<string, RateLimiter>? newBucket;

    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    public bool IsValid => PermitLimit is > 0 and <= MaxPermitLimit && Window >= MinWindow && Window <= MaxWindow;

    // The bucket of one client or one email address; the factory is made once, so a request allocates no closure for it.
    public RateLimitPartition<string> PartitionOf(string key) => RateLimitPartition.Get(key, newBucket ??= NewBucket);

    // Replenished by the partitioned limiter's own timer, not one timer per bucket.
    private TokenBucketRateLimiter NewBucket(string key) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = PermitLimit,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = Window / PermitLimit,
        QueueLimit = 0,
        AutoReplenishment = false,
    });

    public override string ToString() => $"{PermitLimit} per {Window}";
}
