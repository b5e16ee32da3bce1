using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Accounts;
using PetitionSite.Data;

namespace PetitionSite.Admin.Dashboard;

public sealed class DashboardController(IDbContextFactory<PetitionsDbContext> factory) : BackOfficeController
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
}
