using Microsoft.EntityFrameworkCore;
using PetitionSite.Data;

namespace PetitionSite.Accounts;

// Reads who works in the back office, for the people page and the organiser pickers.
public sealed class StaffDirectory(IDbContextFactory<PetitionsDbContext> factory)
{
    public async Task<IReadOnlyList<StaffListItem>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var people = await db.Users
            .AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.TwoFactorEnabled,
                HasPassword = u.PasswordHash != null,
                Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).OrderBy(n => n).FirstOrDefault(),
                InvitationExpiresAt = db.Invitations.Where(i => i.UserId == u.Id && i.AcceptedAt == null).Max(i => (DateTime?)i.ExpiresAt),
            })
            .ToListAsync(cancellationToken);
        var assignments = await db.PetitionOrganisers
            .AsNoTracking()
            .Join(db.Petitions, o => o.PetitionId, p => p.Id, (o, p) => new { o.UserId, p.Slug, p.Title })
            .OrderBy(a => a.Title)
            .ToListAsync(cancellationToken);
        var byUser = assignments.ToLookup(a => a.UserId, a => new PetitionReference(a.Slug, a.Title));

        return people
            .Select(p => new StaffListItem(p.Id, p.Email ?? "", p.Role ?? "", p.TwoFactorEnabled, p.HasPassword, p.HasPassword ? null : p.InvitationExpiresAt, byUser[p.Id].ToList()))
            .ToList();
    }

    public async Task<IReadOnlyList<PetitionReference>> PetitionsAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Petitions.AsNoTracking().OrderBy(p => p.Title).Select(p => new PetitionReference(p.Slug, p.Title)).ToListAsync(cancellationToken);
    }
}
