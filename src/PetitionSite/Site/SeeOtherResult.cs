using Microsoft.AspNetCore.Mvc;

namespace PetitionSite.Site;

// 303 See Other: after a POST the browser fetches the next page with GET, so a refresh never posts twice.
public sealed class SeeOtherResult(string location) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.HttpContext.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
