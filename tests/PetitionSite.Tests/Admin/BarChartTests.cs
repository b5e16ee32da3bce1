using PetitionSite.Admin.Dashboard;

namespace PetitionSite.Tests.Admin;

public sealed class BarChartTests
{
    private static BarChart Draw(params int[] values) =>
        BarChart.Draw("chart", "Title", "Description", [.. values.Select((v, i) => ($"Bar {i}", $"{i}", v))], labelEvery: 2);

    [Fact]
    public void Bars_share_the_plot_width_and_stand_on_the_axis_in_proportion_to_the_top()
    {
        var chart = Draw(10, 5, 0, 10);

        Assert.Equal(10, chart.Top);
        var slot = (BarChart.PlotRight - BarChart.PlotLeft) / 4;
        var plotHeight = BarChart.PlotBottom - BarChart.PlotTop;
        Assert.Equal(4, chart.Bars.Count);
        for (var i = 0; i < 4; i++)
        {
            var bar = chart.Bars[i];
            Assert.Equal(BarChart.PlotLeft + (i * slot) + (slot * 0.1), bar.X, 6);
            Assert.Equal(slot * 0.8, bar.Width, 6);
            Assert.Equal(BarChart.PlotBottom, bar.Y + bar.Height, 6);
        }

        Assert.Equal(plotHeight, chart.Bars[0].Height, 6);
        Assert.Equal(plotHeight / 2, chart.Bars[1].Height, 6);
        Assert.Equal(0, chart.Bars[2].Height);
        Assert.Equal(("Bar 1", 5), (chart.Bars[1].Label, chart.Bars[1].Value));
        Assert.All(chart.Bars, bar => Assert.InRange(bar.X + bar.Width, BarChart.PlotLeft, BarChart.PlotRight));
    }

    [Fact]
    public void The_axis_shows_zero_the_middle_and_the_top_and_every_nth_label()
    {
        var chart = Draw(3, 7, 1, 2, 9);

        Assert.Equal(10, chart.Top);
        Assert.Equal(["0", "5", "10"], chart.YLabels.Select(l => l.Text));
        Assert.Equal([BarChart.PlotBottom, (BarChart.PlotBottom + BarChart.PlotTop) / 2, BarChart.PlotTop], chart.GridLines);
        Assert.Equal(["0", "2", "4"], chart.XLabels.Select(l => l.Text));
        var slot = (BarChart.PlotRight - BarChart.PlotLeft) / 5;
        Assert.Equal(BarChart.PlotLeft + (2.5 * slot), chart.XLabels[1].X, 6);
    }

    [Fact]
    public void A_chart_with_nothing_counted_has_flat_bars_and_a_small_axis()
    {
        var chart = Draw(0, 0, 0);

        Assert.Equal(2, chart.Top);
        Assert.All(chart.Bars, bar => Assert.Equal(0, bar.Height));
        Assert.All(chart.Bars, bar => Assert.Equal(BarChart.PlotBottom, bar.Y));
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 6)]
    [InlineData(7, 8)]
    [InlineData(9, 10)]
    [InlineData(10, 10)]
    [InlineData(11, 20)]
    [InlineData(41, 50)]
    [InlineData(51, 60)]
    [InlineData(999, 1000)]
    [InlineData(1_234_567, 2_000_000)]
    public void The_top_of_the_axis_is_a_round_even_number_at_or_above_the_tallest_bar(int max, int top)
    {
        Assert.Equal(top, BarChart.NiceTop(max));
    }

    [Fact]
    public void Coordinates_are_written_with_a_dot_whatever_the_culture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("fr-FR");
            Assert.Equal("12.35", BarChart.Number(12.345678));
            Assert.Equal("0 0 720 240", Draw(1).ViewBox);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }
}
