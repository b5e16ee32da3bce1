using Microsoft.EntityFrameworkCore;
using PetitionSite.Data;

namespace PetitionSite.Admin.Audit;

// Who did what and when. Entries that go with a change are added to the change's own context and saved with it.
public sealed class AuditLog(IDbContextFactory<PetitionsDbContext> factory, TimeProvider time)
{
    public void Add(PetitionsDbContext db, string? actor, AuditAction action, string? petitionSlug, string details) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            Actor = actor,
            Action = action,
            PetitionSlug = petitionSlug,
            Details = details.Length > 2000 ? details[..2000] : details,
        });

    public async Task RecordAsync(string? actor, AuditAction action, string? petitionSlug, string details, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        Add(db, actor, action, petitionSlug, details);
        await db.SaveChangesAsync(cancellationToken);
    }
}
