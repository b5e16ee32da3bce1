using PetitionSite.Confirmation;
using Serilog;
using Serilog.Events;

namespace PetitionSite.Site;

// The site's own middleware, each a step Program.cs lists in order.
public static class SitePipeline
{
    internal const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    // Errors become friendly pages; never a stack trace outside development.
    public static WebApplication UseSiteErrorPages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }

    // Browsers may use nothing the site never needs.
    private const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), browsing-topics=()";

    // Every response forbids loading anything from another site, and sends no address onwards: confirmation,
    // withdrawal and invitation tokens live in URLs. HSTS outside Development, where the site is reached over https.
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use(static (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
        return app;
    }

    // A request slower than this is logged as a warning.
    internal static readonly TimeSpan SlowRequest = TimeSpan.FromSeconds(1);

    // One line per request, with confirmation tokens masked. Written to the console, a line for every reader would cost a
    // viral day a third or more of the site's throughput, so a request answered in time is logged at Debug; a slow one
    // at Warning, a failure at Error. Every request is logged with Serilog.AspNetCore.RequestLoggingMiddleware at Debug.
    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(logging =>
        {
            // The host's own logger: Serilog's static one is left alone (see AddSiteLogging).
            logging.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            logging.GetLevel = static (context, elapsedMilliseconds, exception) =>
                exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
                : elapsedMilliseconds > SlowRequest.TotalMilliseconds ? LogEventLevel.Warning
                : LogEventLevel.Debug;
            logging.GetMessageTemplateProperties = static (context, path, elapsed, status) =>
            [
                new("RequestMethod", new ScalarValue(context.Request.Method)),
                new("RequestPath", new ScalarValue(TokenMask.InLink(path))),
                new("StatusCode", new ScalarValue(status)),
                new("Elapsed", new ScalarValue(elapsed)),
            ];
        });
        return app;
    }

    // The visitor went away; that is not an error of ours. 499 is the conventional "client closed request".
    public static WebApplication UseClientDisconnects(this WebApplication app)
    {
        app.Use(static async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                context.Response.StatusCode = 499;
            }
        });
        return app;
    }

    // Nearly every request on a viral day is an anonymous reader. Only a request that carries one of Identity's cookies
    // can be anyone but anonymous, so only those pay for running the authentication handler.
    public static WebApplication UseAuthenticationOfSignedInPeople(this WebApplication app)
    {
        app.UseWhen(static context => CarriesSignInCookie(context.Request), branch => branch.UseAuthentication());

        // UseAuthentication marks the builder it was called on, and a UseWhen branch marks only its own copy of the
        // builder's properties; unmarked, WebApplication adds a second, unconditional authentication middleware in
        // front of the whole pipeline (a profile of cached pages found 6% of the CPU there). This is the mark it reads.
        ((IApplicationBuilder)app).Properties[AuthenticationMiddlewareSetKey] = true;
        return app;
    }

    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    private static bool CarriesSignInCookie(HttpRequest request)
    {
        foreach (var cookie in request.Cookies)
        {
            if (cookie.Key.StartsWith(".AspNetCore.Identity.", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static WebApplication MapSite(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapControllers();
        app.MapHealthChecks("/healthz");
        return app;
    }
}
