using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using PetitionSite.Signing;

namespace PetitionSite.Petitions;

// Petition pages and counts are served from memory, keyed by address and evicted by tag: at once when a petition's state
// or moderation changes its count, and at most once a second for confirmations (CountRefresh). A page holds a form token, so only first visits (no form cookie yet) share a cached copy,
// cookie and token included: the cookie is SameSite=Strict, which is what keeps other sites from posting with it.
// Returning visitors, who carry their own cookie, get a freshly rendered page that matches it.
// Nothing made for one person is shared: a signed-in request is neither served nor stored, nor is a page that sets any other cookie.
public static class PetitionPageCaching
{
    public const string PagePolicy = "petition-page";
    public const string CountPolicy = "petition-count";
    private const string ListTag = "petition-list";

    private static string TagFor(string slug) => "petition:" + slug;

    // A petition's state or count has changed: drop the cached copies that show it, its page and count and the list, and no others.
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
        // ASP.NET Core names its own cookies (sign-in, two-factor, session, temp data) with this prefix; each belongs to one person.
        private const string PersonalCookiePrefix = ".AspNetCore.";

        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var request = context.HttpContext.Request;
            var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && !request.Cookies.ContainsKey(FormCookieOf(context.HttpContext))
                && !IsSomeonesOwn(context.HttpContext);

            context.EnableOutputCaching = true;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = lifetime;
            // Compressed and uncompressed copies are kept apart; nothing else about a first visit changes the page.
            context.CacheVaryByRules.HeaderNames = "Accept-Encoding";
            // A copy per cleaned `?source=`, which the page's form carries; any other query key is ignored, not a new copy.
            context.CacheVaryByRules.VaryByValues["source"] = SignatureSource.Clean(request.Query["source"]) ?? "";
            // A copy per language; the language comes from the address (/fr/…), never from a header.
            context.CacheVaryByRules.VaryByValues["language"] = CultureInfo.CurrentUICulture.Name;
            // One petition's page and count carry its own tag; the list carries another, so a confirmation evicts only those.
            context.Tags.Add(context.HttpContext.GetRouteValue("slug") is string slug ? TagFor(slug) : ListTag);

            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            // Only whole pages are kept: a 404 or an error is rendered afresh each time.
            context.AllowCacheStorage &= response.StatusCode == StatusCodes.Status200OK;
            // The shared form cookie may go to every first visitor; any other cookie was meant for this one alone.
            context.AllowCacheStorage &= SetsOnly(FormCookieOf(context.HttpContext), response.Headers.SetCookie);
            return ValueTask.CompletedTask;
        }

        private static string FormCookieOf(HttpContext context) =>
            context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name!;

        // Signed in, or carrying a sign-in cookie that authentication may not have read yet: the page may be made for them.
        private static bool IsSomeonesOwn(HttpContext context) =>
            context.User.Identity?.IsAuthenticated == true
            || context.Request.Cookies.Keys.Any(name => name.StartsWith(PersonalCookiePrefix, StringComparison.Ordinal));

        private static bool SetsOnly(string cookieName, StringValues setCookies) =>
            setCookies.All(setCookie => setCookie is not null && NameOf(setCookie).Equals(cookieName, StringComparison.Ordinal));

        private static ReadOnlySpan<char> NameOf(string setCookie)
        {
            var equals = setCookie.IndexOf('=', StringComparison.Ordinal);
            return (equals < 0 ? setCookie : setCookie.AsSpan(0, equals)).Trim();
        }
    }
}
