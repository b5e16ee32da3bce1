using PetitionSite.Admin.Dashboard;

namespace PetitionSite.Tests.Admin;

public sealed class DashboardFiguresTests
{
    [Fact]
    public void The_share_that_confirms_is_confirmed_over_every_signature_made()
    {
        var figures = new DashboardFigures(Confirmed: 6, Awaiting: 3, Invalidated: 1, Goal: 100, ThisHour: 0);

        Assert.Equal(10, figures.Made);
        Assert.Equal(60.0, figures.ConfirmedPercent);
        Assert.Equal(6, figures.ProgressPercent);
    }

    [Fact]
    public void Before_anyone_signs_there_is_no_share_and_progress_stops_at_the_goal()
    {
        Assert.Null(new DashboardFigures(0, 0, 0, 100, 0).ConfirmedPercent);
        Assert.Equal(100, new DashboardFigures(250, 0, 0, 100, 0).ProgressPercent);
        Assert.Equal(66.7, new DashboardFigures(2, 1, 0, 100, 0).ConfirmedPercent);
    }

    [Fact]
    public void Beyond_twenty_lines_the_rest_are_counted_together()
    {
        var lines = Enumerable.Range(1, 25).Select(i => new CountLine($"Line {i:00}", i));

        var shown = DashboardQueries.TopWithRest(lines, "All other countries");

        Assert.Equal(21, shown.Count);
        Assert.Equal(new CountLine("Line 25", 25), shown[0]);
        Assert.Equal(new CountLine("All other countries", 1 + 2 + 3 + 4 + 5), shown[^1]);
    }
}
