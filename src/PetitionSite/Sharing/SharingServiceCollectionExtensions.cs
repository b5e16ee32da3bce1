using PetitionSite.Site;

namespace PetitionSite.Sharing;

public static class SharingServiceCollectionExtensions
{
    public static IServiceCollection AddSharing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SharingOptions>()
            .Bind(configuration.GetSection(SharingOptions.Section))
            .Validate(o => o.ImageRefreshInterval >= TimeSpan.FromSeconds(1) && o.ImageRefreshInterval < TimeSpan.FromDays(1), "Sharing:ImageRefreshInterval must be between a second and a day, such as 00:05:00.")
            .ValidateOnStart();
        services.AddSingleton<ShareImagePainter>();
        services.AddSingleton<ShareImages>();
        services.AddHostedService(provider => provider.GetRequiredService<ShareImages>());
        return services;
    }

    // Runs after routing, when the endpoint is known: the embed card alone relaxes frame-ancestors.
    public static WebApplication UseFramingOfEmbeds(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<FramableByOtherSitesAttribute>() is not null)
            {
                context.Response.Headers.ContentSecurityPolicy = FramableContentSecurityPolicy;
            }

            return next(context);
        });
        return app;
    }

    // The site's own policy, with any site allowed to frame.
    private static readonly string FramableContentSecurityPolicy =
        SitePipeline.ContentSecurityPolicy.Replace("frame-ancestors 'none'", "frame-ancestors *", StringComparison.Ordinal);
}
