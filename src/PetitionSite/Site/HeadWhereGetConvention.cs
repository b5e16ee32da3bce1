using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace PetitionSite.Site;

// Uptime monitors and link checkers ask with HEAD, which [HttpGet] alone answers with 405. Every action reached by GET
// is reached by HEAD too and runs as for GET; the server sends the same status and headers and drops the body.
public sealed class HeadWhereGetConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        foreach (var selector in action.Selectors)
        {
            for (var i = 0; i < selector.ActionConstraints.Count; i++)
            {
                if (selector.ActionConstraints[i] is HttpMethodActionConstraint constraint && WithHead(constraint.HttpMethods) is { } methods)
                {
                    selector.ActionConstraints[i] = new HttpMethodActionConstraint(methods);
                }
            }

            // Endpoint routing matches on this metadata; the constraint above is what MVC itself reads.
            for (var i = 0; i < selector.EndpointMetadata.Count; i++)
            {
                if (selector.EndpointMetadata[i] is HttpMethodMetadata metadata && WithHead(metadata.HttpMethods) is { } methods)
                {
                    selector.EndpointMetadata[i] = new HttpMethodMetadata(methods, metadata.AcceptCorsPreflight);
                }
            }
        }
    }

    private static string[]? WithHead(IEnumerable<string> methods)
    {
        var list = methods.ToList();
        return list.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase) && !list.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase)
            ? [.. list, HttpMethods.Head]
            : null;
    }
}
