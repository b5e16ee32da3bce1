using PetitionSite.Site;

namespace PetitionSite.Signing;

// Signing is limited per client host (before the form is read) and per canonical email address (after it is validated).
public static class SigningRateLimits
{
    public const string PerClientPolicy = "signing-per-client";

    public static IServiceCollection AddSigningRateLimits(this IServiceCollection services)
    {
        services.AddPerClientRateLimit(PerClientPolicy, o => o.SigningPerClient);
        services.AddSingleton<SignaturesPerEmailLimit>();
        return services;
    }
}
