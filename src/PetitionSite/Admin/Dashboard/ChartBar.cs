namespace PetitionSite.Admin.Dashboard;

// One bar of a chart, placed in the chart's own coordinates (its viewBox); a marked bar stands out (the fraud review's spikes).
public sealed record ChartBar(double X, double Y, double Width, double Height, string Label, int Value, bool Marked = false);
