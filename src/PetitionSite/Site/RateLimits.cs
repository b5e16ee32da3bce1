using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace PetitionSite.Site;

// ASP.NET Core's rate limiter, set up once: the numbers (RateLimitingOptions), how a refusal looks (429, Retry-After and
// the friendly status page), and the per-client policy each feature names. Features keep their own policies in their folders.
public static class RateLimits
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitingOptions>()
            .Bind(configuration.GetSection(RateLimitingOptions.Section))
            .Validate(o => o.SigningPerClient.IsValid, Problem(nameof(RateLimitingOptions.SigningPerClient)))
            .Validate(o => o.SigningPerEmail.IsValid, Problem(nameof(RateLimitingOptions.SigningPerEmail)))
            .Validate(o => o.ConfirmingPerClient.IsValid, Problem(nameof(RateLimitingOptions.ConfirmingPerClient)))
            .Validate(o => o.SignInPerClient.IsValid, Problem(nameof(RateLimitingOptions.SignInPerClient)))
            .Validate(o => o.SignInPerAccount.IsValid, Problem(nameof(RateLimitingOptions.SignInPerAccount)))
            .ValidateOnStart();

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // No body: the status-code pages then show the friendly page, which reads the wait from Retry-After.
            limiter.OnRejected = static (context, _) =>
            {
                Refuse(context.HttpContext.Response, context.Lease);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    // A limit counted per client host (an IPv4 address, or an IPv6 /64 so that one host cannot rotate addresses), before the
    // request reaches its action: the endpoint opts in with [EnableRateLimiting(policy)].
    public static IServiceCollection AddPerClientRateLimit(this IServiceCollection services, string policy, Func<RateLimitingOptions, RateLimit> limitOf)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, settings) =>
        {
            var limit = limitOf(settings.Value);
            limiter.AddPolicy(policy, context => limit.PartitionOf(ClientAddress.HostOf(context.Connection.RemoteIpAddress)));
        });
        return services;
    }

    // With RateLimiting:Enabled=false nothing is limited and the limiter's middleware is left out altogether.
    public static WebApplication UseRateLimits(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<RateLimitingOptions>>().Value.Enabled)
        {
            app.UseRateLimiter();
        }

        return app;
    }

    // 429 with the wait in whole seconds, rounded up so that trying again at once after it is never refused for being early.
    public static void Refuse(HttpResponse response, RateLimitLease lease)
    {
        // Every limit here is a token bucket, which always says how long; a minute is a safe guess should one ever not.
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    private static string Problem(string limit) =>
        $"RateLimiting:{limit} needs a PermitLimit from 1 to {RateLimit.MaxPermitLimit} and a Window from {RateLimit.MinWindow} to {RateLimit.MaxWindow}, " +
        $"such as RateLimiting__{limit}__PermitLimit=20 and RateLimiting__{limit}__Window=00:10:00.";
}
