namespace PetitionSite.Site;

// Bound from "RateLimiting". Each limit lets PermitLimit requests through at once and refills evenly over Window.
// Only load tests and most tests turn them off (RateLimiting__Enabled=false), which turns off every limit at once.
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;

    // A household, an office or a class signs together and fits in one go; then one every 30 s, so a script gets 2,880 tries a day, not thousands an hour.
    public RateLimit SigningPerClient { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(10) };

    // Someone signing a row of related petitions is never stopped; a script hammering one mailbox (to flood it or probe it) waits 6 minutes a try.
    public RateLimit SigningPerEmail { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromHours(1) };

    // Everyone behind one address confirms what they signed, with room for a second press; a script confirming a stock of mailboxes is slowed like signing.
    // Pressing withdraw or unsubscribe behind an emailed link draws on the same allowance.
    public RateLimit ConfirmingPerClient { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(10) };

    // An office of staff signs in (password and code, with a typo or two); a password sprayer gets one guess every 45 s across all accounts.
    public RateLimit SignInPerClient { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(15) };

    // Above Identity's lockout (5 failures) so a real person sees the lockout message; also covers unknown accounts, which lockout cannot.
    public RateLimit SignInPerAccount { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(15) };
}
