namespace PetitionSite.Admin.Dashboard;

// Turns the hourly counters into the dashboard's two series, with a zero for every hour or day nobody confirmed,
// so a quiet night shows as a gap in the chart rather than vanishing from it.
public static class SignatureSeries
{
    // The given number of whole UTC hours up to and including the one holding now, oldest first.
    public static IReadOnlyList<SeriesPoint> LastHours(IReadOnlyDictionary<DateTime, int> byHour, DateTime now, int hours)
    {
        var current = StartOfHour(now);
        return Enumerable.Range(0, hours)
            .Select(i => current.AddHours(i - hours + 1))
            .Select(hour => new SeriesPoint(hour, byHour.GetValueOrDefault(hour)))
            .ToList();
    }

    // Every UTC day from the one holding since (or the first counted hour, if earlier) up to the one holding now.
    public static IReadOnlyList<SeriesPoint> Days(IReadOnlyDictionary<DateTime, int> byHour, DateTime since, DateTime now)
    {
        var perDay = byHour
            .GroupBy(h => h.Key.Date)
            .ToDictionary(g => g.Key, g => g.Sum(h => h.Value));
        var first = perDay.Keys.Append(since.Date).Min();
        var last = perDay.Keys.Append(now.Date).Max();
        var days = (int)(last - first).TotalDays + 1;
        return Enumerable.Range(0, days)
            .Select(i => first.AddDays(i))
            .Select(day => new SeriesPoint(DateTime.SpecifyKind(day, DateTimeKind.Utc), perDay.GetValueOrDefault(day)))
            .ToList();
    }

    private static DateTime StartOfHour(DateTime utc) => new(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);
}
