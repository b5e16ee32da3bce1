using FluentValidation;

namespace PetitionSite.Admin.Petitions;

public static class PetitionManagementServiceCollectionExtensions
{
    // Creating, editing, translating, opening and closing petitions, by hand and on their dates.
    public static IServiceCollection AddPetitionManagement(this IServiceCollection services)
    {
        services.AddSingleton<IValidator<PetitionForm>, PetitionFormValidator>();
        services.AddSingleton<PetitionEditor>();
        services.AddSingleton<IValidator<TranslationForm>, TranslationFormValidator>();
        services.AddSingleton<PetitionTranslator>();
        services.AddSingleton<PetitionLifecycle>();
        services.AddHostedService<PetitionSchedule>();
        return services;
    }
}
