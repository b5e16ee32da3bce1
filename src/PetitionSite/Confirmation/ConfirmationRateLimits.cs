using PetitionSite.Site;

namespace PetitionSite.Confirmation;

// Pressing a button behind a link from a signature email (confirm, withdraw, unsubscribe, or a mail client's one-click
// unsubscribe) is limited per client host, all presses drawing on one allowance, so a script guessing or replaying links
// is slowed alike on each; opening a link is not limited, since mail scanners open every link.
public static class ConfirmationRateLimits
{
    public const string PerClientPolicy = "confirming-per-client";

    public static IServiceCollection AddConfirmationRateLimits(this IServiceCollection services) =>
        services.AddPerClientRateLimit(PerClientPolicy, o => o.ConfirmingPerClient);
}
