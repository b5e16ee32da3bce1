using PetitionSite.Site;

namespace PetitionSite.Accounts;

// Both sign-in steps (password, then code) are limited per client host and, together, per account.
public static class SignInRateLimits
{
    public const string PerClientPolicy = "sign-in-per-client";

    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services)
    {
        services.AddPerClientRateLimit(PerClientPolicy, o => o.SignInPerClient);
        services.AddSingleton<SignInsPerAccountLimit>();
        return services;
    }
}
