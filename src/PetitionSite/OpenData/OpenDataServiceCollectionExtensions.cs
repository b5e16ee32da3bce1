namespace PetitionSite.OpenData;

public static class OpenDataServiceCollectionExtensions
{
    public static IServiceCollection AddOpenData(this IServiceCollection services) => services.AddSingleton<OpenNumbers>();
}
