using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace PetitionSite.Accounts;

// On pages that show signers' personal data (search, export): with Admin:RequireTwoFactor, a person without a
// second factor is sent to enrol one first, and comes back here afterwards.
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequireTwoFactorAttribute : Attribute, IAsyncAuthorizationFilter
{
    public const string EnrolPath = "/account/two-factor";

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (!services.GetRequiredService<IOptions<AdminOptions>>().Value.RequireTwoFactor || context.HttpContext.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var users = services.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.GetUserAsync(context.HttpContext.User);
        if (user is null || !await users.GetTwoFactorEnabledAsync(user))
        {
            var request = context.HttpContext.Request;
            var returnUrl = HttpMethods.IsGet(request.Method) ? request.PathBase + request.Path + request.QueryString : null;
            context.Result = new RedirectResult(returnUrl is null ? EnrolPath : $"{EnrolPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
        }
    }
}
