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

    // Browsers and home screens ask for these by fixed names, so the address cannot change with the file: a week's cache
    // keeps the requests off the site (the layout names /favicon.svg with a version, which the static files cache for good).
    public static WebApplication UseLongCacheOfIcons(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            var path = context.Request.Path;
            if (path.Equals("/favicon.ico", StringComparison.Ordinal) || path.Equals("/apple-touch-icon.png", StringComparison.Ordinal))
            {
                context.Response.OnStarting(static state =>
                {
                    var response = (HttpResponse)state;
                    if (response.StatusCode == StatusCodes.Status200OK)
                    {
                        response.Headers.CacheControl = IconCacheControl;
                    }

                    return Task.CompletedTask;
                }, context.Response);
            }

            return next(context);
        });
        return app;
    }

    private const string IconCacheControl = "public, max-age=604800";

    // The site's own policy, with any site allowed to frame.
    private static readonly string FramableContentSecurityPolicy =
        SitePipeline.ContentSecurityPolicy.Replace("frame-ancestors 'none'", "frame-ancestors *", StringComparison.Ordinal);
}
