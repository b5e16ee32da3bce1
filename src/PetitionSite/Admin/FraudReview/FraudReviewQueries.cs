using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PetitionSite.Admin.Dashboard;
using PetitionSite.Data;
using PetitionSite.Signing;

namespace PetitionSite.Admin.FraudReview;

// Every read of the fraud review. Each window is a range of the (PetitionId, CreatedAt) index, grouped in the database:
// by five-minute interval and state, by network and by email domain, so only the largest groups and a few hundred counts come back.
public sealed class FraudReviewQueries(IDbContextFactory<PetitionsDbContext> factory, IOptionsMonitor<FraudReviewOptions> options, TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public async Task<ReviewedPetition?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await FindAsync(db, slug, cancellationToken);
    }

    public async Task<FraudReviewReport?> ReviewAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var petition = await FindAsync(db, slug, cancellationToken);
        if (petition is null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var settings = options.CurrentValue;
        ReviewWindow[] windows =
        [
            await WindowAsync(db, petition.Id, "hour", "Last hour", TimeSpan.FromHours(1), now, settings, cancellationToken),
            await WindowAsync(db, petition.Id, "day", "Last 24 hours", TimeSpan.FromHours(24), now, settings, cancellationToken),
        ];
        return new FraudReviewReport(petition, now, windows);
    }

    private static Task<ReviewedPetition?> FindAsync(PetitionsDbContext db, string slug, CancellationToken cancellationToken) =>
        db.Petitions.AsNoTracking().Where(p => p.Slug == slug).Select(p => new ReviewedPetition(p.Id, p.Slug, p.Title)).FirstOrDefaultAsync(cancellationToken);

    // The window ends with the five-minute interval holding now, so it starts on a whole minute an admin can type.
    public static DateTime StartOf(TimeSpan length, DateTime now) =>
        new DateTime(now.Ticks - (now.Ticks % Interval.Ticks), DateTimeKind.Utc) + Interval - length;

    private static async Task<ReviewWindow> WindowAsync(
        PetitionsDbContext db, int petitionId, string id, string name, TimeSpan length, DateTime now, FraudReviewOptions settings, CancellationToken cancellationToken)
    {
        var from = StartOf(length, now);
        var end = from + length;
        var signatures = db.Signatures.AsNoTracking().Where(s => s.PetitionId == petitionId && s.CreatedAt >= from && s.CreatedAt < end);

        // By five-minute interval and state, which also gives the window's totals. A window is at most a day, in which an
        // hour and a five-minute slot name one interval, so the date need not be read from every row.
        var slots = await signatures
            .GroupBy(s => new { s.CreatedAt.Hour, Slot = s.CreatedAt.Minute / 5, s.State })
            .Select(g => new { g.Key.Hour, g.Key.Slot, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int In(SignatureState state) => slots.Where(s => s.State == state).Sum(s => s.Count);
        var (confirmed, awaiting, invalidated) = (In(SignatureState.Validated), In(SignatureState.Pending), In(SignatureState.Invalidated));
        var total = confirmed + awaiting;
        var hours = length.TotalHours;

        var networks = await signatures
            .GroupBy(s => s.ClientNetwork)
            .Select(g => new
            {
                g.Key,
                Confirmed = g.Count(s => s.State == SignatureState.Validated),
                Awaiting = g.Count(s => s.State == SignatureState.Pending),
                Invalidated = g.Count(s => s.State == SignatureState.Invalidated),
            })
            .OrderByDescending(g => g.Confirmed + g.Awaiting)
            .ThenBy(g => g.Key)
            .Take(settings.RowsShown)
            .Select(g => new Group(g.Key, g.Confirmed, g.Awaiting, g.Invalidated))
            .ToListAsync(cancellationToken);

        var domains = await signatures
            .GroupBy(s => s.NormalizedEmail.Substring(s.NormalizedEmail.IndexOf('@') + 1))
            .Select(g => new
            {
                g.Key,
                Confirmed = g.Count(s => s.State == SignatureState.Validated),
                Awaiting = g.Count(s => s.State == SignatureState.Pending),
                Invalidated = g.Count(s => s.State == SignatureState.Invalidated),
            })
            .OrderByDescending(g => g.Confirmed + g.Awaiting)
            .ThenBy(g => g.Key)
            .Take(settings.RowsShown)
            .Select(g => new Group(g.Key, g.Confirmed, g.Awaiting, g.Invalidated))
            .ToListAsync(cancellationToken);

        var standing = slots
            .Where(s => s.State != SignatureState.Invalidated)
            .GroupBy(s => (s.Hour, s.Slot))
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Count));
        var starts = Enumerable.Range(0, (int)(length / Interval)).Select(i => from + (Interval * i)).ToList();
        var counts = starts.Select(start => standing.GetValueOrDefault((start.Hour, start.Minute / 5))).ToList();
        var marked = settings.Spikes(counts, out var median);

        return new ReviewWindow(
            id,
            name,
            from,
            hours,
            confirmed,
            awaiting,
            invalidated,
            [.. networks.Select(g => Line(g, total, hours, settings, isDomain: false))],
            [.. domains.Select(g => Line(g, total, hours, settings, isDomain: true))],
            Chart(id, name, starts, counts, marked, median, length),
            median,
            [.. starts.Select((start, i) => (start, i)).Where(s => marked[s.i]).Select(s => new BusyInterval(s.start, s.start + Interval, counts[s.i])).OrderByDescending(s => s.Signatures).Take(settings.RowsShown)]);
    }

    private static SourceLine Line(Group group, int total, double hours, FraudReviewOptions settings, bool isDomain)
    {
        var signatures = group.Confirmed + group.Awaiting;
        var share = total == 0 ? 0 : (double)signatures / total;
        var largeProvider = isDomain && group.Key is not null && settings.IsLargeProvider(group.Key);
        // Signatures whose network was not recorded are not one network, and a large provider is big for everyone.
        var unusual = group.Key is null || largeProvider ? null : settings.UnusualVolume(signatures, total, hours);
        return new SourceLine(group.Key, group.Confirmed, group.Awaiting, group.Invalidated, share, unusual, largeProvider);
    }

    private static BarChart Chart(string id, string name, List<DateTime> starts, List<int> counts, IReadOnlyList<bool> marked, double median, TimeSpan length)
    {
        var invariant = CultureInfo.InvariantCulture;
        var chart = BarChart.Draw(
            $"chart-{id}",
            $"Signatures per 5 minutes, {name.ToLowerInvariant()} (UTC)",
            $"One bar per five minutes; the busiest counts {counts.Max().ToString("N0", invariant)}, the median {median.ToString("0.#", invariant)}; "
                + $"{marked.Count(m => m)} far above the median are drawn in red and listed below.",
            [.. starts.Select((start, i) => ($"{start.ToString("d MMM HH:mm", invariant)}–{(start + Interval).ToString("HH:mm", invariant)}", start.ToString("HH:mm", invariant), counts[i]))],
            labelEvery: length <= TimeSpan.FromHours(1) ? 3 : 36);
        return chart with
        {
            Bars = [.. chart.Bars.Select((bar, i) => bar with { Marked = marked[i] })],
            RowHeading = "Five minutes (UTC)",
            ValueHeading = "Signatures",
            MarkedNote = "spike: far above the median",
        };
    }

    private sealed record Group(string? Key, int Confirmed, int Awaiting, int Invalidated);
}
