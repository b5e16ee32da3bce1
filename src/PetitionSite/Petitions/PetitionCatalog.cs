using Microsoft.EntityFrameworkCore;
using PetitionSite.Data;

namespace PetitionSite.Petitions;

// Read-only, projected, precompiled queries: the hot path of every page view and count poll.
public sealed class PetitionCatalog(IDbContextFactory<PetitionsDbContext> factory)
{
    private static readonly Func<PetitionsDbContext, string, CancellationToken, Task<PetitionDetails?>> FindBySlug =
        EF.CompileAsyncQuery((PetitionsDbContext db, string slug, CancellationToken _) => db.Petitions
            .AsNoTracking()
            .Where(p => p.Slug == slug && p.State != PetitionState.Pending && p.State != PetitionState.Rejected)
            .Select(p => new PetitionDetails(p.Id, p.Slug, p.Title, p.Summary, p.BodyMarkdown, p.Goal, p.State, p.SignatureCount))
            .FirstOrDefault());

    private static readonly Func<PetitionsDbContext, string, CancellationToken, Task<PetitionCount?>> CountBySlug =
        EF.CompileAsyncQuery((PetitionsDbContext db, string slug, CancellationToken _) => db.Petitions
            .AsNoTracking()
            .Where(p => p.Slug == slug && p.State != PetitionState.Pending && p.State != PetitionState.Rejected)
            .Select(p => new PetitionCount(p.Slug, p.Title, p.SignatureCount, p.Goal, p.State == PetitionState.Open))
            .FirstOrDefault());

    private static readonly Func<PetitionsDbContext, string, CancellationToken, Task<PetitionStatus?>> StatusBySlug =
        EF.CompileAsyncQuery((PetitionsDbContext db, string slug, CancellationToken _) => db.Petitions
            .AsNoTracking()
            .Where(p => p.Slug == slug && p.State != PetitionState.Pending && p.State != PetitionState.Rejected)
            .Select(p => new PetitionStatus(p.Id, p.State == PetitionState.Open, p.Revision))
            .FirstOrDefault());

    public async Task<PetitionDetails?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await FindBySlug(db, slug, cancellationToken);
    }

    // Just enough to accept a signature, without reading the petition's text.
    public async Task<PetitionStatus?> StatusAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await StatusBySlug(db, slug, cancellationToken);
    }

    public async Task<PetitionCount?> CountAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await CountBySlug(db, slug, cancellationToken);
    }

    public async Task<IReadOnlyList<PetitionListItem>> ListOpenAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Petitions
            .AsNoTracking()
            .Where(p => p.State == PetitionState.Open)
            .OrderByDescending(p => p.SignatureCount)
            .ThenBy(p => p.Title)
            .Select(p => new PetitionListItem(p.Slug, p.Title, p.Summary, p.SignatureCount, p.Goal))
            .ToListAsync(cancellationToken);
    }
}
