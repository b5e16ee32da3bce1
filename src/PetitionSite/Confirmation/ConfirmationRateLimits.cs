using PetitionSite.Site;

namespace PetitionSite.Confirmation;

// Pressing "Confirm my signature" is limited per client host; opening the link is not, since mail scanners open every link.
public static class ConfirmationRateLimits
{
    public const string PerClientPolicy = "confirming-per-client";

    public static IServiceCollection AddConfirmationRateLimits(this IServiceCollection services) =>
        services.AddPerClientRateLimit(PerClientPolicy, o => o.ConfirmingPerClient);
}
