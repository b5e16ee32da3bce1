using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PetitionSite.Site;

// A body too large or malformed to read as a form is the sender's mistake: answer 400 with a page, not 500.
public sealed class UnreadableRequestFilter : IExceptionFilter
{
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
            context.Result = new ViewResult
            {
                ViewName = "~/Views/Errors/Status.cshtml",
                ViewData = new(new EmptyModelMetadataProvider(), context.ModelState) { Model = new ErrorPageModel(code) },
                StatusCode = code,
            };
            context.ExceptionHandled = true;
        }
    }
}
