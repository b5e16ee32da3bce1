namespace PetitionSite.Email;

// Bound from "Outbox": how the sender batches and retries.
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    public int BatchSize { get; set; } = 200;

    // How often due retries are looked for when nothing new has been signed.
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    // First wait after a failure; it doubles with each failure up to MaxRetryDelay.
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    // A message the mail server refuses this many times is marked failed and left for an admin.
    public int MaxAttempts { get; set; } = 10;

    // Someone who signs again within this time gets no second email: the first one is still on its way.
    public TimeSpan ResendCooldown { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, RetryDelay.Ticks * (1L << Math.Clamp(failures - 1, 0, 20))));
}
