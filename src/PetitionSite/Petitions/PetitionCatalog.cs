using Microsoft.EntityFrameworkCore;
using PetitionSite.Data;
using PetitionSite.Languages;

namespace PetitionSite.Petitions;

// Read-only, projected, precompiled queries: the hot path of every page view and count poll.
public sealed class PetitionCatalog(IDbContextFactory<PetitionsDbContext> factory, TimeProvider time)
{
    // The petition in the page's language when it has a translation into it, else as written: one query, the translation joined.
    private static readonly Func<PetitionsDbContext, string, string, CancellationToken, Task<PetitionDetails?>> FindBySlug =
        EF.CompileAsyncQuery((PetitionsDbContext db, string slug, string language, CancellationToken _) => (
            from p in db.Petitions.AsNoTracking()
            where p.Slug == slug && p.State != PetitionState.Pending && p.State != PetitionState.Rejected
            from t in db.PetitionTranslations.AsNoTracking().Where(t => t.PetitionId == p.Id && t.Language == language).DefaultIfEmpty()
            select new PetitionDetails(
                p.Id,
                p.Slug,
                t == null ? p.Title : t.Title,
                t == null ? p.Summary : t.Summary,
                t == null ? p.BodyMarkdown : t.BodyMarkdown,
                p.Goal,
                p.State,
                p.SignatureCount,
                p.ClosedAt,
                t == null ? p.Language : t.Language))
            .FirstOrDefault());

    private static readonly Func<PetitionsDbContext, string, string, CancellationToken, Task<PetitionCount?>> CountBySlug =
        EF.CompileAsyncQuery((PetitionsDbContext db, string slug, string language, CancellationToken _) => (
            from p in db.Petitions.AsNoTracking()
            where p.Slug == slug && p.State != PetitionState.Pending && p.State != PetitionState.Rejected
            from t in db.PetitionTranslations.AsNoTracking().Where(t => t.PetitionId == p.Id && t.Language == language).DefaultIfEmpty()
            select new PetitionCount(p.Slug, t == null ? p.Title : t.Title, p.SignatureCount, p.Goal, p.State == PetitionState.Open, t == null ? p.Language : t.Language))
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
    private static readonly Func<PetitionsDbContext, string, IAsyncEnumerable<PetitionListItem>> Listed =
        EF.CompileAsyncQuery((PetitionsDbContext db, string language) =>
            from p in db.Petitions.AsNoTracking()
            where p.State == PetitionState.Open || p.State == PetitionState.Closed
            from t in db.PetitionTranslations.AsNoTracking().Where(t => t.PetitionId == p.Id && t.Language == language).DefaultIfEmpty()
            orderby p.State == PetitionState.Open ? 0 : 1, p.State == PetitionState.Open ? p.SignatureCount : 0 descending, p.ClosedAt descending, p.Title
            select new PetitionListItem(
                p.Slug,
                t == null ? p.Title : t.Title,
                t == null ? p.Summary : t.Summary,
                p.SignatureCount,
                p.Goal,
                p.State == PetitionState.Open,
                p.ClosedAt,
                t == null ? p.Language : t.Language));

    // Read from the counters kept with the count, so the page never counts signatures.
    private static readonly Func<PetitionsDbContext, int, IAsyncEnumerable<CountryCounter>> ByCountry =
        EF.CompileAsyncQuery((PetitionsDbContext db, int petitionId) => db.SignatureCounters
            .AsNoTracking()
            .Where(c => c.PetitionId == petitionId && c.Kind == SignatureCounterKind.Country && c.Count > 0)
            .Select(c => new CountryCounter(c.Key, c.Count)));

    public async Task<PetitionDetails?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await FindBySlug(db, slug, SiteLanguages.Current, cancellationToken);
    }

    // Just enough to accept a signature, without reading the petition's text.
    public async Task<PetitionStatus?> StatusAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await StatusBySlug(db, slug, time.GetUtcNow().UtcDateTime, cancellationToken);
    }

    public Task<PetitionCount?> CountAsync(string slug, CancellationToken cancellationToken) => CountAsync(slug, SiteLanguages.Current, cancellationToken);

    // In a given language, for work done outside a page (the share images, redrawn in the background).
    public async Task<PetitionCount?> CountAsync(string slug, string language, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await CountBySlug(db, slug, language, cancellationToken);
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
        await foreach (var petition in Listed(db, SiteLanguages.Current).WithCancellation(cancellationToken))
        {
            list.Add(petition);
        }

        return list;
    }

    private sealed record CountryCounter(string Code, int Signatures);
}
