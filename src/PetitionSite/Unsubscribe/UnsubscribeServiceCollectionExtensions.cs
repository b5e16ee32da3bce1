namespace PetitionSite.Unsubscribe;

public static class UnsubscribeServiceCollectionExtensions
{
    public static IServiceCollection AddUnsubscribe(this IServiceCollection services)
    {
        services.AddSingleton<UnsubscribeLinks>();
        services.AddSingleton<KeepInformedConsent>();
        return services;
    }
}
