using System.Globalization;

namespace PetitionSite.Admin.Dashboard;

// A bar chart laid out on the server, for an inline <svg>: no script draws it and no inline style places it.
public sealed record BarChart(
    string Id,
    string Title,
    string Description,
    IReadOnlyList<ChartBar> Bars,
    IReadOnlyList<ChartLabel> XLabels,
    IReadOnlyList<ChartLabel> YLabels,
    IReadOnlyList<double> GridLines,
    int Top)
{
    public const double Width = 720;
    public const double Height = 240;
    public const double PlotLeft = 56;
    public const double PlotRight = Width - 8;
    public const double PlotTop = 12;
    public const double PlotBottom = Height - 28;

    // Each bar keeps a tenth of its slot free on either side, so neighbours never touch.
    private const double Gap = 0.1;

    // The headings of the table behind the chart; without them, the dashboard's own.
    public string? RowHeading { get; init; }

    public string ValueHeading { get; init; } = "Confirmed signatures";

    // What a marked bar means, said beside it in words as well as in colour.
    public string MarkedNote { get; init; } = "marked";

    public string ViewBox => string.Create(CultureInfo.InvariantCulture, $"0 0 {Width} {Height}");

    // points: what each bar is called in full and on the axis, and what it counts; labelEvery: bars from one axis label to the next.
    public static BarChart Draw(string id, string title, string description, IReadOnlyList<(string Label, string AxisLabel, int Value)> points, int labelEvery)
    {
        var top = NiceTop(points.Count == 0 ? 0 : points.Max(p => p.Value));
        var slot = points.Count == 0 ? 0 : (PlotRight - PlotLeft) / points.Count;
        var plotHeight = PlotBottom - PlotTop;
        var bars = points.Select((point, i) =>
        {
            var height = plotHeight * point.Value / top;
            return new ChartBar(PlotLeft + (i * slot) + (slot * Gap), PlotBottom - height, slot * (1 - (2 * Gap)), height, point.Label, point.Value);
        }).ToList();

        var step = Math.Max(1, labelEvery);
        var xLabels = points
            .Select((point, i) => (point, i))
            .Where(p => p.i % step == 0)
            .Select(p => new ChartLabel(PlotLeft + ((p.i + 0.5) * slot), Height - 8, p.point.AxisLabel))
            .ToList();
        double[] ticks = [0, top / 2.0, top];
        var yLabels = ticks
            .Select(t => new ChartLabel(PlotLeft - 6, PlotBottom - (plotHeight * t / top) + 4, t.ToString("N0", CultureInfo.InvariantCulture)))
            .ToList();
        var gridLines = ticks.Select(t => PlotBottom - (plotHeight * t / top)).ToList();
        return new BarChart(id, title, description, bars, xLabels, yLabels, gridLines, top);
    }

    // The axis top: a round number at or above the tallest bar, even so that the middle tick is whole too.
    public static int NiceTop(int max)
    {
        if (max <= 2)
        {
            return 2;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var factor in new[] { 1, 2, 4, 5, 6, 8, 10 })
        {
            var candidate = factor * magnitude;
            if (candidate >= max && candidate % 2 == 0)
            {
                return (int)candidate;
            }
        }

        return (int)(10 * magnitude);
    }

    // Coordinates are written with a dot and at most two decimals whatever the server's culture.
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
