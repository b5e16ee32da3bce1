using Microsoft.EntityFrameworkCore;
using PetitionSite.Data;

namespace PetitionSite.Petitions;

// Read-only, projected, precompiled queries: the hot path of every page view and count poll.
public sealed class PetitionCatalog(IDbContextFactory<PetitionsDbContext> factory, TimeProvider time)
{
    private static readonly Func<PetitionsDbContext, string, CancellationToken, Task<PetitionDetails?>> FindBySlug =
        EF.CompileAsyncQuery((PetitionsDbContext db, string slug, CancellationToken _) => db.Petitions
            .AsNoTracking()
            .Where(p => p.Slug == slug && p.State != PetitionState.Pending && p.State != PetitionState.Rejected)
            .Select(p => new PetitionDetails(p.Id, p.Slug, p.Title, p.Summary, p.BodyMarkdown, p.Goal, p.State, p.SignatureCount, p.ClosedAt))
            .FirstOrDefault());

    private static readonly Func<PetitionsDbContext, string, CancellationToken, Task<PetitionCount?>> CountBySlug =
        EF.CompileAsyncQuery((PetitionsDbContext db, string slug, CancellationToken _) => db.Petitions
            .AsNoTracking()
            .Where(p => p.Slug == slug && p.State != PetitionState.Pending && p.State != PetitionState.Rejected)
            .Select(p => new PetitionCount(p.Slug, p.Title, p.SignatureCount, p.Goal, p.State == PetitionState.Open))
            .FirstOrDefault());

    // Past its closing date a petition refuses signatures at once, before the schedule gets round to closing it.
    private static readonly Func<PetitionsDbContext, string, DateTime, CancellationToken, Task<PetitionStatus?>> StatusBySlug =
        EF.CompileAsyncQuery((PetitionsDbContext db, string slug, DateTime now, CancellationToken _) => db.Petitions
            .AsNoTracking()
            .Where(p => p.Slug == slug && p.State != PetitionState.Pending && p.State != PetitionState.Rejected)
            .Select(p => new PetitionStatus(
                p.Id,
                p.State == PetitionState.Open && (p.ClosesAt == null || p.ClosesAt > now),
                p.Revision,
                p.ClosedAt ?? (p.ClosesAt <= now ? p.ClosesAt : null)))
            .FirstOrDefault());

    // Open petitions first, most signed first; then closed ones, latest closed first. Never pending or rejected ones.
    private static readonly Func<PetitionsDbContext, IAsyncEnumerable<PetitionListItem>> Listed =
        EF.CompileAsyncQuery((PetitionsDbContext db) => db.Petitions
            .AsNoTracking()
            .Where(p => p.State == PetitionState.Open || p.State == PetitionState.Closed)
            .OrderBy(p => p.State == PetitionState.Open ? 0 : 1)
            .ThenByDescending(p => p.State == PetitionState.Open ? p.SignatureCount : 0)
            .ThenByDescending(p => p.ClosedAt)
            .ThenBy(p => p.Title)
            .Select(p => new PetitionListItem(p.Slug, p.Title, p.Summary, p.SignatureCount, p.Goal, p.State == PetitionState.Open, p.ClosedAt)));

    // Read from the counters kept with the count, so the page never counts signatures.
    private static readonly Func<PetitionsDbContext, int, IAsyncEnumerable<CountryCounter>> ByCountry =
        EF.CompileAsyncQuery((PetitionsDbContext db, int petitionId) => db.SignatureCounters
            .AsNoTracking()
            .Where(c => c.PetitionId == petitionId && c.Kind == SignatureCounterKind.Country && c.Count > 0)
            .Select(c => new CountryCounter(c.Key, c.Count)));

    public async Task<PetitionDetails?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await FindBySlug(db, slug, cancellationToken);
    }

    // Just enough to accept a signature, without reading the petition's text.
    public async Task<PetitionStatus?> StatusAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await StatusBySlug(db, slug, time.GetUtcNow().UtcDateTime, cancellationToken);
    }

    public async Task<PetitionCount?> CountAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await CountBySlug(db, slug, cancellationToken);
    }

    // The countries with the most confirmed signatures, largest first, then every other country together in one line.
    public async Task<IReadOnlyList<CountryTally>> TopCountriesAsync(int petitionId, int shown, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var all = new List<CountryTally>();
        await foreach (var country in ByCountry(db, petitionId).WithCancellation(cancellationToken))
        {
            all.Add(new CountryTally(country.Code, country.Signatures));
        }

        // Ties by code, not name: the cached page of every language then lists the same countries.
        var ordered = all.OrderByDescending(c => c.Signatures).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
        return ordered.Count <= shown + 1
            ? ordered
            : [.. ordered.Take(shown), new CountryTally(null, ordered.Skip(shown).Sum(c => c.Signatures))];
    }

    public async Task<IReadOnlyList<PetitionListItem>> ListPublicAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var list = new List<PetitionListItem>();
        await foreach (var petition in Listed(db).WithCancellation(cancellationToken))
        {
            list.Add(petition);
        }

        return list;
    }

    private sealed record CountryCounter(string Code, int Signatures);
}
