using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PetitionSite.Accounts;
using PetitionSite.Data;
using PetitionSite.Signing;
using PetitionSite.Site;

namespace PetitionSite.Admin.Dashboard;

public sealed class DashboardController(IDbContextFactory<PetitionsDbContext> factory, DashboardQueries queries, IOptions<SiteOptions> site) : BackOfficeController
{
    // Admins see every petition; organisers see those assigned to them.
    [HttpGet("/admin")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var petitions = db.Petitions.AsNoTracking();
        if (!User.IsInRole(Roles.Admin))
        {
            var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
            petitions = petitions.Where(p => db.PetitionOrganisers.Any(o => o.PetitionId == p.Id && o.UserId == userId));
        }

        var list = await petitions
            .OrderBy(p => p.State)
            .ThenByDescending(p => p.SignatureCount)
            .Select(p => new BackOfficePetition(p.Slug, p.Title, p.State, p.SignatureCount, p.Goal, p.ClosesAt))
            .ToListAsync(cancellationToken);
        return View(list);
    }

    // One petition's figures; `channel` fills the "make a link for a channel" form, which works without JavaScript.
    [HttpGet("/admin/petitions/{slug}")]
    [Authorize(Policy = AccessPolicies.PetitionOrganiser)]
    public async Task<IActionResult> Petition(string slug, string? channel, CancellationToken cancellationToken)
    {
        var dashboard = await queries.DashboardAsync(slug, cancellationToken);
        if (dashboard is null)
        {
            return NotFound();
        }

        if (!Request.Query.ContainsKey("channel"))
        {
            return View(dashboard);
        }

        var source = SignatureSource.Clean(channel);
        if (source is null)
        {
            return View(dashboard with { ChannelLink = new ChannelLink(channel, Problem: "Enter a channel name using letters, digits, '-', '_' or '.', such as newsletter or partner-site") }).WithStatus(StatusCodes.Status400BadRequest);
        }

        return View(dashboard with { ChannelLink = new ChannelLink(channel, site.Value.LinkTo($"petitions/{slug}?source={source}")) });
    }

    // The headline figures for the dashboard's script, never stored by a cache (the controller's no-store).
    [HttpGet("/admin/petitions/{slug}/figures.json")]
    [Authorize(Policy = AccessPolicies.PetitionOrganiser)]
    public async Task<IActionResult> Figures(string slug, CancellationToken cancellationToken)
    {
        var figures = await queries.FiguresAsync(slug, cancellationToken);
        return figures is null ? NotFound() : Json(figures);
    }
}
