using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PetitionSite.Admin.Dashboard;
using PetitionSite.Data;
using PetitionSite.Petitions;
using PetitionSite.Signing;
using PetitionSite.Site;

namespace PetitionSite.OpenData;

// Reads the open data from the count column and the counters kept with it (PetitionCounts): never a signature row,
// so nothing personal can leak into it, and no read grows with the number of signers.
public sealed class OpenNumbers(IDbContextFactory<PetitionsDbContext> factory, IOptions<SiteOptions> site, TimeProvider time)
{
    public const int HoursShown = 48;

    private static readonly Func<PetitionsDbContext, IAsyncEnumerable<Headline>> Listed =
        EF.CompileAsyncQuery((PetitionsDbContext db) => db.Petitions
            .AsNoTracking()
            .Where(p => p.State == PetitionState.Open || p.State == PetitionState.Closed)
            .OrderBy(p => p.State == PetitionState.Open ? 0 : 1)
            .ThenByDescending(p => p.State == PetitionState.Open ? p.SignatureCount : 0)
            .ThenByDescending(p => p.ClosedAt)
            .ThenBy(p => p.Title)
            .Select(p => new Headline(p.Id, p.Slug, p.Title, p.State, p.SignatureCount, p.Goal, p.CreatedAt, p.OpenedAt, p.ClosesAt, p.ClosedAt)));

    private static readonly Func<PetitionsDbContext, string, CancellationToken, Task<Headline?>> BySlug =
        EF.CompileAsyncQuery((PetitionsDbContext db, string slug, CancellationToken _) => db.Petitions
            .AsNoTracking()
            .Where(p => p.Slug == slug && (p.State == PetitionState.Open || p.State == PetitionState.Closed))
            .Select(p => new Headline(p.Id, p.Slug, p.Title, p.State, p.SignatureCount, p.Goal, p.CreatedAt, p.OpenedAt, p.ClosesAt, p.ClosedAt))
            .FirstOrDefault());

    // Hours and countries only: sources are the organisers' own business.
    private static readonly Func<PetitionsDbContext, int, IAsyncEnumerable<Counter>> CountersOf =
        EF.CompileAsyncQuery((PetitionsDbContext db, int petitionId) => db.SignatureCounters
            .AsNoTracking()
            .Where(c => c.PetitionId == petitionId && c.Kind != SignatureCounterKind.Source && c.Count > 0)
            .Select(c => new Counter(c.Kind, c.Key, c.Count)));

    public async Task<PetitionListData> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var petitions = new List<PetitionSummaryData>();
        await foreach (var p in Listed(db).WithCancellation(cancellationToken))
        {
            petitions.Add(new PetitionSummaryData(
                p.Slug, p.Title, StateOf(p.State), p.SignatureCount, p.Goal, Utc(p.OpenedAt), Utc(p.ClosesAt), Utc(p.ClosedAt),
                site.Value.LinkTo($"petitions/{p.Slug}"), site.Value.LinkTo($"petitions/{p.Slug}.json")));
        }

        return new PetitionListData(petitions, time.GetUtcNow().UtcDateTime);
    }

    public async Task<PetitionData?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var p = await BySlug(db, slug, cancellationToken);
        if (p is null)
        {
            return null;
        }

        var countries = new List<CountryCount>();
        var byHour = new Dictionary<DateTime, int>();
        await foreach (var counter in CountersOf(db, p.Id).WithCancellation(cancellationToken))
        {
            if (counter.Kind == SignatureCounterKind.Country)
            {
                countries.Add(new CountryCount(counter.Key, Countries.NameOf(counter.Key), counter.Count));
            }
            else
            {
                byHour[PetitionCounts.HourOf(counter.Key)] = counter.Count;
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        var until = p.ClosedAt is { } closed && closed < now ? closed : now;
        var days = SignatureSeries.Days(byHour, p.OpenedAt ?? p.CreatedAt, until)
            .Select(d => new DayCount(DateOnly.FromDateTime(d.Start), d.Count))
            .ToList();
        var hours = SignatureSeries.LastHours(byHour, now, HoursShown)
            .Select(h => new HourCount(h.Start, h.Count))
            .ToList();

        return new PetitionData(
            p.Slug, p.Title, StateOf(p.State), p.SignatureCount, p.Goal, Utc(p.OpenedAt), Utc(p.ClosesAt), Utc(p.ClosedAt),
            site.Value.LinkTo($"petitions/{p.Slug}"),
            [.. countries.OrderByDescending(c => c.Signatures).ThenBy(c => c.Code, StringComparer.Ordinal)],
            days,
            hours,
            now);
    }

    private static string StateOf(PetitionState state) => state == PetitionState.Open ? "open" : "closed";

    // SQLite gives back times without their kind; they were stored as UTC.
    private static DateTime? Utc(DateTime? moment) => moment is { } m ? DateTime.SpecifyKind(m, DateTimeKind.Utc) : null;

    private sealed record Headline(int Id, string Slug, string Title, PetitionState State, int SignatureCount, int Goal, DateTime CreatedAt, DateTime? OpenedAt, DateTime? ClosesAt, DateTime? ClosedAt);

    private sealed record Counter(SignatureCounterKind Kind, string Key, int Count);
}
