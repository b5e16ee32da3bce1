using Microsoft.AspNetCore.Mvc.Filters;

namespace PetitionSite.Site;

// Lets scripts on any other site read these responses (CORS), without credentials: they hold only public numbers.
// The same header for every origin, so one cached copy serves them all and no preflight is needed for a plain GET.
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ReadableByAnySiteAttribute : ResultFilterAttribute
{
    public override void OnResultExecuting(ResultExecutingContext context)
    {
        context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
        base.OnResultExecuting(context);
    }
}
