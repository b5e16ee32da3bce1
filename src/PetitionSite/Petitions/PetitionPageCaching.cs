using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using PetitionSite.Signing;

namespace PetitionSite.Petitions;

// Petition pages and counts are served from memory, keyed by address and evicted by tag the moment a confirmation
// changes a count. A page holds a form token, so only first visits (no form cookie yet) share a cached copy,
// cookie and token included: the cookie is SameSite=Strict, which is what keeps other sites from posting with it.
// Returning visitors, who carry their own cookie, get a freshly rendered page that matches it.
public static class PetitionPageCaching
{
    public const string PagePolicy = "petition-page";
    public const string CountPolicy = "petition-count";
    private const string ListTag = "petition-list";

    private static string TagFor(string slug) => "petition:" + slug;

    // A petition's count has changed: drop the cached copies that show it, its page and count and the list, and no others.
    public static async Task EvictCountOfAsync(this IOutputCacheStore cachedPages, string slug)
    {
        await cachedPages.EvictByTagAsync(TagFor(slug), CancellationToken.None);
        await cachedPages.EvictByTagAsync(ListTag, CancellationToken.None);
    }

    public static IServiceCollection AddPetitionPageCaching(this IServiceCollection services)
    {
        services.AddOutputCache(cache =>
        {
            cache.AddPolicy(PagePolicy, new FirstVisitPolicy(TimeSpan.FromMinutes(1)));
            cache.AddPolicy(CountPolicy, new FirstVisitPolicy(TimeSpan.FromSeconds(5)));
        });
        return services;
    }

    private sealed class FirstVisitPolicy(TimeSpan lifetime) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var request = context.HttpContext.Request;
            var formCookie = context.HttpContext.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name!;
            var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && !request.Cookies.ContainsKey(formCookie);

            context.EnableOutputCaching = true;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = lifetime;
            context.CacheVaryByRules.HeaderNames = "Accept-Encoding";
            // A copy per cleaned `?source=`, which the page's form carries; any other query key is ignored, not a new copy.
            context.CacheVaryByRules.VaryByValues["source"] = SignatureSource.Clean(request.Query["source"]) ?? "";
            // One petition's page and count carry its own tag; the list carries another, so a confirmation evicts only those.
            context.Tags.Add(context.HttpContext.GetRouteValue("slug") is string slug ? TagFor(slug) : ListTag);

            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            // Only whole pages are kept: a 404 or an error is rendered afresh each time.
            context.AllowCacheStorage &= context.HttpContext.Response.StatusCode == StatusCodes.Status200OK;
            return ValueTask.CompletedTask;
        }
    }
}
