using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace PetitionSite.Site;

// An action's own limit refused the request: the same answer as the limiter's middleware gives (429, Retry-After, the friendly page).
public sealed class TooManyRequestsResult(RateLimitLease lease) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        RateLimits.Refuse(context.HttpContext.Response, lease);
        return Task.CompletedTask;
    }
}
