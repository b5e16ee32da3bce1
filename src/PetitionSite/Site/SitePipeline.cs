using PetitionSite.Confirmation;
using Serilog;
using Serilog.Events;

namespace PetitionSite.Site;

public static class SitePipeline
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    // Errors become friendly pages, every response forbids loading anything from another site, and requests are logged.
    public static WebApplication UseSite(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.Use(static (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return next(context);
        });
        app.UseSerilogRequestLogging(logging => logging.GetMessageTemplateProperties = static (context, path, elapsed, status) =>
        [
            new("RequestMethod", new ScalarValue(context.Request.Method)),
            new("RequestPath", new ScalarValue(TokenMask.InLink(path))),
            new("StatusCode", new ScalarValue(status)),
            new("Elapsed", new ScalarValue(elapsed)),
        ]);
        app.Use(static async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The visitor went away; that is not an error of ours. 499 is the conventional "client closed request".
                context.Response.StatusCode = 499;
            }
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseOutputCache();
        app.UseResponseCompression();
        return app;
    }

    public static WebApplication MapSite(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapControllers();
        app.MapHealthChecks("/healthz");
        return app;
    }
}
