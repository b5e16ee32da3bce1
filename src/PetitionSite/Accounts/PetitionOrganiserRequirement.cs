using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Data;

namespace PetitionSite.Accounts;

// Organisers see the petitions assigned to them and nothing else; admins see every petition.
public sealed class PetitionOrganiserRequirement : IAuthorizationRequirement;

public sealed class PetitionOrganiserHandler(IDbContextFactory<PetitionsDbContext> factory) : AuthorizationHandler<PetitionOrganiserRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PetitionOrganiserRequirement requirement)
    {
        if (context.User.IsInRole(Roles.Admin))
        {
            context.Succeed(requirement);
            return;
        }

        var userId = context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        if (userId is null || !context.User.IsInRole(Roles.Organiser) || context.Resource is not HttpContext http
            || http.GetRouteValue("slug") is not string slug)
        {
            return;
        }

        await using var db = await factory.CreateDbContextAsync(http.RequestAborted);
        var assigned = await db.PetitionOrganisers
            .AnyAsync(o => o.UserId == userId && db.Petitions.Any(p => p.Id == o.PetitionId && p.Slug == slug), http.RequestAborted);
        if (assigned)
        {
            context.Succeed(requirement);
        }
    }
}
