namespace PetitionSite.Petitions;

public static class PetitionsServiceCollectionExtensions
{
    public static IServiceCollection AddPetitions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PetitionOptions>()
            .Bind(configuration.GetSection(PetitionOptions.Section))
            .Validate(o => o.ConfirmationGraceAfterClose >= TimeSpan.Zero, "Petitions:ConfirmationGraceAfterClose must not be negative, such as 1.00:00:00.")
            .Validate(o => o.ScheduleInterval > TimeSpan.Zero && o.ScheduleInterval < TimeSpan.FromDays(49), "Petitions:ScheduleInterval must be positive and under 49 days, such as 00:00:30.")
            .ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<PetitionMarkdown>();
        services.AddSingleton<PetitionCatalog>();
        services.AddSingleton<PetitionPageFactory>();
        services.AddPetitionPageCaching();
        services.AddSingleton<CountRefresh>();
        services.AddHostedService(provider => provider.GetRequiredService<CountRefresh>());
        return services;
    }
}
