using PetitionSite.Email;

namespace PetitionSite.Confirmation;

public static class ConfirmationServiceCollectionExtensions
{
    public static IServiceCollection AddConfirmation(this IServiceCollection services)
    {
        services.AddSingleton<SignatureConfirmer>();
        services.AddHostedService(provider => provider.GetRequiredService<SignatureConfirmer>());
        services.AddSingleton<SignatureEmails>();
        services.AddSingleton<IEmailComposer, SignatureEmailComposer>();
        services.AddConfirmationRateLimits();
        return services;
    }
}
