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

    [Route("/error/{status:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Status(int status) => StatusPage(status);

    private ViewResult StatusPage(int status)
    {
        var view = View("Status", new ErrorPageModel(status));
        view.StatusCode = status;
        return view;
    }
}
