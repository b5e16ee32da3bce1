using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Accounts;
using PetitionSite.Data;
using PetitionSite.Site;

namespace PetitionSite.Admin.Audit;

// Who did what and when in the back office, newest first, by action and petition.
[Authorize(Policy = AccessPolicies.Admin)]
public sealed class AuditController(IDbContextFactory<PetitionsDbContext> factory) : BackOfficeController
{
    private const int PageSize = 50;

    [HttpGet("/admin/audit")]
    public async Task<IActionResult> Index([FromQuery(Name = "action")] string? actionName, string? petition, int page = 1, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        AuditAction? action = null;
        string? problem = null;
        if (!string.IsNullOrEmpty(actionName))
        {
            if (Enum.TryParse<AuditAction>(actionName, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed))
            {
                action = parsed;
            }
            else
            {
                problem = "Choose an action from the list.";
            }
        }

        petition = string.IsNullOrWhiteSpace(petition) ? null : petition.Trim();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        if (action is not null)
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (petition is not null)
        {
            entries = entries.Where(e => e.PetitionSlug == petition);
        }

        // One more than a page tells whether there is a next page, without counting the whole log.
        var found = problem is not null
            ? []
            : await entries.OrderByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        var petitions = await db.Petitions.AsNoTracking().OrderBy(p => p.Slug).Select(p => p.Slug).ToListAsync(cancellationToken);
        var model = new AuditPageModel(found.Take(PageSize).ToList(), action, petition, petitions, page, found.Count > PageSize, problem);
        return View(model).WithStatus(problem is null ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
    }
}
