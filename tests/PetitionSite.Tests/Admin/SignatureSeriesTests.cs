using PetitionSite.Admin.Dashboard;

namespace PetitionSite.Tests.Admin;

public sealed class SignatureSeriesTests
{
    private static DateTime Utc(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void The_last_hours_end_with_the_current_hour_and_fill_quiet_hours_with_zero()
    {
        var byHour = new Dictionary<DateTime, int> { [Utc(28, 14)] = 5, [Utc(28, 12)] = 2, [Utc(20, 1)] = 99 };

        var hours = SignatureSeries.LastHours(byHour, Utc(28, 14, 37), 48);

        Assert.Equal(48, hours.Count);
        Assert.Equal(Utc(26, 15), hours[0].Start);
        Assert.Equal(new SeriesPoint(Utc(28, 14), 5), hours[^1]);
        Assert.Equal(new SeriesPoint(Utc(28, 13), 0), hours[^2]);
        Assert.Equal(new SeriesPoint(Utc(28, 12), 2), hours[^3]);
        Assert.Equal(7, hours.Sum(h => h.Count));
    }

    [Fact]
    public void Days_sum_their_hours_from_the_opening_day_to_today_with_zero_for_quiet_days()
    {
        var byHour = new Dictionary<DateTime, int> { [Utc(25, 0)] = 1, [Utc(25, 23)] = 2, [Utc(27, 9)] = 4 };

        var days = SignatureSeries.Days(byHour, since: Utc(24, 18), now: Utc(28, 10));

        Assert.Equal(
            [new SeriesPoint(Utc(24, 0), 0), new SeriesPoint(Utc(25, 0), 3), new SeriesPoint(Utc(26, 0), 0), new SeriesPoint(Utc(27, 0), 4), new SeriesPoint(Utc(28, 0), 0)],
            days);
        Assert.All(days, d => Assert.Equal(DateTimeKind.Utc, d.Start.Kind));
    }

    [Fact]
    public void Days_reach_back_to_a_confirmation_counted_before_the_opening_date()
    {
        var byHour = new Dictionary<DateTime, int> { [Utc(23, 5)] = 1 };

        var days = SignatureSeries.Days(byHour, since: Utc(24, 0), now: Utc(24, 1));

        Assert.Equal([new SeriesPoint(Utc(23, 0), 1), new SeriesPoint(Utc(24, 0), 0)], days);
    }

    [Fact]
    public void A_petition_opened_today_has_one_day()
    {
        var days = SignatureSeries.Days(new Dictionary<DateTime, int>(), since: Utc(28, 9), now: Utc(28, 9, 30));

        Assert.Equal([new SeriesPoint(Utc(28, 0), 0)], days);
    }
}
