namespace PetitionSite.Confirmation;

public static class ConfirmationServiceCollectionExtensions
{
    public static IServiceCollection AddConfirmation(this IServiceCollection services)
    {
        services.AddSingleton<SignatureConfirmer>();
        return services;
    }
}
