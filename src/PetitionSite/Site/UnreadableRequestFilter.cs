using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PetitionSite.Site;

// A body too large or malformed to read as a form is the sender's mistake: answer 400 with a page, not 500.
public sealed class UnreadableRequestFilter : IExceptionFilter, IActionFilter
{
    // Model binding does not throw when the form cannot be read: it records why under the empty key and binds nothing.
    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (context.ModelState.TryGetValue(string.Empty, out var entry) && entry.Errors.Count > 0)
        {
            // The server stopped reading a body longer than it takes (Kestrel's 30 MB): that is 413, not a malformed form.
            var request = context.HttpContext.Request;
            var tooLarge = request.ContentLength > context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            context.Result = StatusPage(tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, context.ModelState);
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    public void OnException(ExceptionContext context)
    {
        var status = context.Exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            ValueProviderException or InvalidDataException => StatusCodes.Status400BadRequest,
            _ => (int?)null,
        };
        if (status is { } code)
        {
            context.Result = StatusPage(code, context.ModelState);
            context.ExceptionHandled = true;
        }
    }

    private static ViewResult StatusPage(int code, ModelStateDictionary modelState) => new()
    {
        ViewName = "~/Views/Errors/Status.cshtml",
        ViewData = new(new EmptyModelMetadataProvider(), modelState) { Model = new ErrorPageModel(code) },
        StatusCode = code,
    };
}
