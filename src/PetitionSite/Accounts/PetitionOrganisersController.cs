using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Admin.Audit;
using PetitionSite.Data;
using PetitionSite.Site;

namespace PetitionSite.Accounts;

// Admins choose which organisers may follow a petition.
[Authorize(Policy = AccessPolicies.Admin)]
public sealed class PetitionOrganisersController(IDbContextFactory<PetitionsDbContext> factory, AuditLog audit, TimeProvider time) : BackOfficeController
{
    private const string Path = "/admin/petitions/{slug}/organisers";

    [HttpGet(Path)]
    public async Task<IActionResult> Index(string slug, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var page = await PageAsync(db, slug, null, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost(Path)]
    public async Task<IActionResult> Assign(string slug, [FromForm] string? userId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var petition = await db.Petitions.Where(p => p.Slug == slug).Select(p => new { p.Id }).SingleOrDefaultAsync(cancellationToken);
        if (petition is null)
        {
            return NotFound();
        }

        var organiser = string.IsNullOrEmpty(userId) ? null : await Organisers(db, userId).SingleOrDefaultAsync(cancellationToken);
        if (organiser is null)
        {
            var page = await PageAsync(db, slug, "Choose an organiser from the list.", cancellationToken);
            return View(nameof(Index), page).WithStatus(StatusCodes.Status422UnprocessableEntity);
        }

        if (!await db.PetitionOrganisers.AnyAsync(o => o.PetitionId == petition.Id && o.UserId == organiser.UserId, cancellationToken))
        {
            db.PetitionOrganisers.Add(new PetitionOrganiser { PetitionId = petition.Id, UserId = organiser.UserId, AssignedAt = time.GetUtcNow().UtcDateTime });
            audit.Add(db, Actor, AuditAction.OrganiserAssigned, slug, organiser.Email);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Assigned at the same moment by another admin: the result is the one asked for.
            }
        }

        return new SeeOtherResult($"/admin/petitions/{Uri.EscapeDataString(slug)}/organisers");
    }

    [HttpPost(Path + "/remove")]
    public async Task<IActionResult> Remove(string slug, [FromForm] string? userId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var assignment = await db.PetitionOrganisers
            .Where(o => o.UserId == userId && db.Petitions.Any(p => p.Id == o.PetitionId && p.Slug == slug))
            .SingleOrDefaultAsync(cancellationToken);
        if (assignment is not null)
        {
            var email = await db.Users.Where(u => u.Id == assignment.UserId).Select(u => u.Email).SingleAsync(cancellationToken);
            db.PetitionOrganisers.Remove(assignment);
            audit.Add(db, Actor, AuditAction.OrganiserUnassigned, slug, email ?? "");
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (!await db.Petitions.AnyAsync(p => p.Slug == slug, cancellationToken))
        {
            return NotFound();
        }

        return new SeeOtherResult($"/admin/petitions/{Uri.EscapeDataString(slug)}/organisers");
    }

    private static async Task<PetitionOrganisersPageModel?> PageAsync(PetitionsDbContext db, string slug, string? problem, CancellationToken cancellationToken)
    {
        var petition = await db.Petitions.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Slug, p.Title }).SingleOrDefaultAsync(cancellationToken);
        if (petition is null)
        {
            return null;
        }

        var organisers = await Organisers(db).ToListAsync(cancellationToken);
        var assigned = await db.PetitionOrganisers.AsNoTracking().Where(o => o.PetitionId == petition.Id).Select(o => o.UserId).ToListAsync(cancellationToken);
        return new PetitionOrganisersPageModel(
            new PetitionReference(petition.Slug, petition.Title),
            organisers.Where(o => assigned.Contains(o.UserId)).ToList(),
            organisers.Where(o => !assigned.Contains(o.UserId)).ToList(),
            problem);
    }

    // Everyone with the organiser role, invited or already signed in: an admin may assign a petition before the invitation is accepted.
    private static IQueryable<OrganiserOption> Organisers(PetitionsDbContext db, string? userId = null) =>
        from user in db.Users.AsNoTracking()
        join userRole in db.UserRoles on user.Id equals userRole.UserId
        join role in db.Roles on userRole.RoleId equals role.Id
        where role.Name == Roles.Organiser && (userId == null || user.Id == userId)
        orderby user.Email
        select new OrganiserOption(user.Id, user.Email ?? "");
}
