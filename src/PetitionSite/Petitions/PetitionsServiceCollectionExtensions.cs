namespace PetitionSite.Petitions;

public static class PetitionsServiceCollectionExtensions
{
    public static IServiceCollection AddPetitions(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<PetitionMarkdown>();
        services.AddSingleton<PetitionCatalog>();
        services.AddSingleton<PetitionPageFactory>();
        services.AddPetitionPageCaching();
        return services;
    }
}
