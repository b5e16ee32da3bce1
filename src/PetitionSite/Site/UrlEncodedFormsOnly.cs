using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.Net.Http.Headers;

namespace PetitionSite.Site;

// Every form on the site is a plain HTML form, sent url-encoded. A POST in another shape (JSON, or multipart, whose file
// parts would be buffered before anything looked at them) is refused with 415 before its body is read, even by the
// antiforgery check. A POST without a content type reads as an empty form, as it always has. An action that must take
// another shape says so with its own [Consumes].
public sealed class UrlEncodedFormsOnly : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        if (action.Attributes.OfType<IActionHttpMethodProvider>().Any(m => m.HttpMethods.Contains(HttpMethods.Post))
            && !action.Attributes.OfType<ConsumesAttribute>().Any())
        {
            action.Filters.Add(new RefuseOtherBodies());
        }
    }

    private sealed class RefuseOtherBodies : IAuthorizationFilter, IOrderedFilter
    {
        // Before the antiforgery check, which reads the whole body to find the form token.
        public int Order => int.MinValue;

        public void OnAuthorization(AuthorizationFilterContext context)
        {
            var contentType = context.HttpContext.Request.ContentType;
            if (contentType is not null
                && !(MediaTypeHeaderValue.TryParse(contentType, out var type) && type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)))
            {
                context.Result = new StatusCodeResult(StatusCodes.Status415UnsupportedMediaType);
            }
        }
    }
}
