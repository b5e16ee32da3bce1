using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace PetitionSite.Site;

// Friendly pages for errors and status codes; never a stack trace outside development.
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/error")]
    [IgnoreAntiforgeryToken]
    public IActionResult Error()
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error;
        if (failure is null)
        {
            // Asked for directly rather than reached through a failure: there is nothing to report.
            return StatusPage(StatusCodes.Status404NotFound);
        }

        var status = failure is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException
            ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status500InternalServerError;
        return StatusPage(status);
    }

    // The status comes from the response being replaced, not from the address: asked for directly, /error/500 would answer
    // 500 and log an error, /error/0 would fail. Nothing is model-bound either, so a refused request's unreadable body,
    // which the re-executed request still carries, cannot spoil the page that explains the refusal.
    [Route("/error/{status:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Status() =>
        StatusPage(HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode ?? StatusCodes.Status404NotFound);

    private ViewResult StatusPage(int status)
    {
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? "";
        var backOffice = originalPath.StartsWith("/account", StringComparison.OrdinalIgnoreCase) || originalPath.StartsWith("/admin", StringComparison.OrdinalIgnoreCase);
        TimeSpan? retryAfter = null;
        if (status == StatusCodes.Status429TooManyRequests)
        {
            // The limit that refused the request set Retry-After; the page says the same wait in words.
            retryAfter = long.TryParse(Response.Headers.RetryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
            // The wait is only true now: no browser or proxy may keep this page.
            Response.Headers.CacheControl = "no-store";
        }

        var view = View("Status", new ErrorPageModel(status, retryAfter, backOffice));
        view.StatusCode = status;
        return view;
    }
}
