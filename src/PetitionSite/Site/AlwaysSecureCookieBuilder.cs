namespace PetitionSite.Site;

// Marks a cookie Secure whatever the request's scheme. Behind the TLS-terminating proxy every request arrives as
// plain http, and CookieSecurePolicy.Always would then make antiforgery refuse to issue or check a token at all.
internal sealed class AlwaysSecureCookieBuilder : CookieBuilder
{
    public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
    {
        var options = base.Build(context, expiresFrom);
        options.Secure = true;
        return options;
    }
}
