namespace PetitionSite.Site;

// One address per page. /PETITIONS/Free-Walid-Daqqah/ is /petitions/free-walid-daqqah, so every variant of a page's
// address answers 301 to the lower-case one without a trailing slash, before the page cache could serve a second copy
// of it (or, on a cold cache, a 404). A request already at its address pays a few character checks and nothing else.
public static class CanonicalAddresses
{
    // Addresses here are lower case by construction: the words are, and so are slugs (PetitionFormValidator).
    // Elsewhere case may matter: the tokens in confirmation, withdrawal and invitation links are case-sensitive.
    private const string LowerCaseSection = "/petitions";

    // Ahead of routing and the page cache, and only for reading: a form sent to a variant must not turn into a GET.
    public static WebApplication UseCanonicalAddresses(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            var request = context.Request;
            if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || CanonicalPathOf(request.Path.Value) is not { } canonical)
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = (request.PathBase + new PathString(canonical)).ToUriComponent() + request.QueryString.ToUriComponent();
            return Task.CompletedTask;
        });
        return app;
    }

    // The address a path should have, or null when it already has it (or has none that is safe to send a browser to).
    public static string? CanonicalPathOf(string? path)
    {
        if (path is null || path.Length <= 1)
        {
            return null;
        }

        var trimmed = path.AsSpan().TrimEnd('/');
        // A '%' left in a decoded path is an encoded slash (%2F), in no page's address: such a path is left to answer 404.
        var lowerCase = trimmed.ContainsAnyInRange('A', 'Z') && !trimmed.Contains('%') && InLowerCaseSection(trimmed);
        if (trimmed.Length == path.Length && !lowerCase)
        {
            return null;
        }

        if (trimmed.Length == 0)
        {
            return "/";
        }

        // "//other.example/" trimmed would be a protocol-relative address: a redirect to another site.
        if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("/\\", StringComparison.Ordinal))
        {
            return null;
        }

        return lowerCase ? trimmed.ToString().ToLowerInvariant() : trimmed.ToString();
    }

    private static bool InLowerCaseSection(ReadOnlySpan<char> path) =>
        path.StartsWith(LowerCaseSection, StringComparison.OrdinalIgnoreCase)
        && (path.Length == LowerCaseSection.Length || path[LowerCaseSection.Length] is '/' or '.');
}
