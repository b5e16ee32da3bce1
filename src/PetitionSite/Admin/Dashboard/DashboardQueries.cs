using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PetitionSite.Data;
using PetitionSite.Petitions;
using PetitionSite.Signing;

namespace PetitionSite.Admin.Dashboard;

// Every read of the petition dashboard. Confirmed figures come from the count column and the counters kept with it;
// the only counts over signatures are by (PetitionId, State), which the index answers by touching just those rows.
public sealed class DashboardQueries(IDbContextFactory<PetitionsDbContext> factory, IMemoryCache cache, TimeProvider time)
{
    // Counting a petition's awaiting and invalidated signatures reads every such index entry (some 7 ms for 80,000), and a
    // dashboard draws hundreds of figures, so dashboards refreshing at once share one reading for this long: no older
    // than the public count may be (CountRefresh).
    public static readonly TimeSpan ReadingLifetime = TimeSpan.FromSeconds(1);

    public const int HoursShown = 48;
    public const int LinesShown = 20;
    public const int SignersShown = 10;
    public const string NoSource = "Direct or unknown";

    private static readonly Func<PetitionsDbContext, string, CancellationToken, Task<Headline?>> HeadlineBySlug =
        EF.CompileAsyncQuery((PetitionsDbContext db, string slug, CancellationToken _) => db.Petitions
            .AsNoTracking()
            .Where(p => p.Slug == slug)
            .Select(p => new Headline(p.Id, p.Slug, p.Title, p.State, p.Goal, p.SignatureCount, p.CreatedAt, p.OpensAt, p.OpenedAt, p.ClosesAt, p.ClosedAt))
            .FirstOrDefault());

    private static readonly Func<PetitionsDbContext, int, SignatureState, CancellationToken, Task<int>> CountInState =
        EF.CompileAsyncQuery((PetitionsDbContext db, int petitionId, SignatureState state, CancellationToken _) =>
            db.Signatures.Count(s => s.PetitionId == petitionId && s.State == state));

    private static readonly Func<PetitionsDbContext, int, string, CancellationToken, Task<int>> CountInHour =
        EF.CompileAsyncQuery((PetitionsDbContext db, int petitionId, string hour, CancellationToken _) => db.SignatureCounters
            .Where(c => c.PetitionId == petitionId && c.Kind == SignatureCounterKind.Hour && c.Key == hour)
            .Select(c => c.Count)
            .FirstOrDefault());

    // Newest first by the (PetitionId, ConfirmedAt) index; only the names, never an address or a country.
    private static readonly Func<PetitionsDbContext, int, int, IAsyncEnumerable<NamedSigner>> LatestNamed =
        EF.CompileAsyncQuery((PetitionsDbContext db, int petitionId, int take) => db.Signatures
            .AsNoTracking()
            .Where(s => s.PetitionId == petitionId && s.State == SignatureState.Validated && s.ShowNamePublicly)
            .OrderByDescending(s => s.ConfirmedAt)
            .ThenByDescending(s => s.Id)
            .Select(s => new NamedSigner(s.FirstName, s.LastName))
            .Take(take));

    public async Task<DashboardFigures?> FiguresAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var petition = await HeadlineBySlug(db, slug, cancellationToken);
        return petition is null ? null : await FiguresOfAsync(db, petition, cancellationToken);
    }

    public Task<PetitionDashboard?> DashboardAsync(string slug, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(("dashboard", slug), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = ReadingLifetime;
            return ReadDashboardAsync(slug, cancellationToken);
        });

    private async Task<PetitionDashboard?> ReadDashboardAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var petition = await HeadlineBySlug(db, slug, cancellationToken);
        if (petition is null)
        {
            return null;
        }

        var figures = await FiguresOfAsync(db, petition, cancellationToken);
        var counters = await db.SignatureCounters
            .AsNoTracking()
            .Where(c => c.PetitionId == petition.Id && c.Count > 0)
            .Select(c => new { c.Kind, c.Key, c.Count })
            .ToListAsync(cancellationToken);
        var signers = new List<NamedSigner>(SignersShown);
        await foreach (var signer in LatestNamed(db, petition.Id, SignersShown).WithCancellation(cancellationToken))
        {
            signers.Add(signer);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var byHour = counters
            .Where(c => c.Kind == SignatureCounterKind.Hour)
            .ToDictionary(c => PetitionCounts.HourOf(c.Key), c => c.Count);
        var lastHours = SignatureSeries.LastHours(byHour, now, HoursShown);
        var days = SignatureSeries.Days(byHour, petition.OpenedAt ?? petition.CreatedAt, petition.ClosedAt is { } closed && closed < now ? closed : now);

        return new PetitionDashboard
        {
            Slug = petition.Slug,
            Title = petition.Title,
            State = petition.State,
            CreatedAt = petition.CreatedAt,
            OpensAt = petition.OpensAt,
            OpenedAt = petition.OpenedAt,
            ClosesAt = petition.ClosesAt,
            ClosedAt = petition.ClosedAt,
            Figures = figures,
            LastHours = lastHours,
            Days = days,
            LastHoursChart = BarChart.Draw(
                "chart-hours",
                $"Confirmed signatures per hour, last {HoursShown} hours (UTC)",
                $"One bar per hour; the tallest bar counts {lastHours.Max(p => p.Count).ToString("N0", CultureInfo.InvariantCulture)} signatures.",
                [.. lastHours.Select(p => (p.Start.ToString("d MMM HH:mm", CultureInfo.InvariantCulture), p.Start.ToString("HH:mm", CultureInfo.InvariantCulture), p.Count))],
                labelEvery: 6),
            DaysChart = BarChart.Draw(
                "chart-days",
                "Confirmed signatures per day since the petition opened (UTC)",
                $"One bar per day over {days.Count} {(days.Count == 1 ? "day" : "days")}; the busiest day counts {days.Max(p => p.Count).ToString("N0", CultureInfo.InvariantCulture)} signatures.",
                [.. days.Select(p => (p.Start.ToString("d MMM yyyy", CultureInfo.InvariantCulture), p.Start.ToString("d MMM", CultureInfo.InvariantCulture), p.Count))],
                labelEvery: (days.Count + 7) / 8),
            Countries = TopWithRest(
                counters.Where(c => c.Kind == SignatureCounterKind.Country).Select(c => new CountLine(Countries.NameOf(c.Key), c.Count)),
                "All other countries"),
            Sources = TopWithRest(
                counters.Where(c => c.Kind == SignatureCounterKind.Source).Select(c => new CountLine(c.Key.Length == 0 ? NoSource : c.Key, c.Count)),
                "All other sources"),
            LatestSigners = signers,
        };
    }

    // The largest lines by count, then everything else together, so a long tail never swamps the table.
    public static IReadOnlyList<CountLine> TopWithRest(IEnumerable<CountLine> lines, string restLabel)
    {
        var ordered = lines.OrderByDescending(l => l.Count).ThenBy(l => l.Label, StringComparer.Ordinal).ToList();
        if (ordered.Count <= LinesShown)
        {
            return ordered;
        }

        return [.. ordered.Take(LinesShown), new CountLine(restLabel, ordered.Skip(LinesShown).Sum(l => l.Count))];
    }

    private async Task<DashboardFigures> FiguresOfAsync(PetitionsDbContext db, Headline petition, CancellationToken cancellationToken)
    {
        var (awaiting, invalidated) = await cache.GetOrCreateAsync(("dashboard-state-counts", petition.Id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = ReadingLifetime;
            return (await CountInState(db, petition.Id, SignatureState.Pending, cancellationToken),
                await CountInState(db, petition.Id, SignatureState.Invalidated, cancellationToken));
        });
        var thisHour = await CountInHour(db, petition.Id, PetitionCounts.HourKey(time.GetUtcNow().UtcDateTime), cancellationToken);
        return new DashboardFigures(petition.SignatureCount, awaiting, invalidated, petition.Goal, thisHour);
    }

    private sealed record Headline(
        int Id, string Slug, string Title, PetitionState State, int Goal, int SignatureCount,
        DateTime CreatedAt, DateTime? OpensAt, DateTime? OpenedAt, DateTime? ClosesAt, DateTime? ClosedAt);
}
