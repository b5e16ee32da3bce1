namespace PetitionSite.Admin.Dashboard;

// A label along an axis, placed in the chart's own coordinates.
public sealed record ChartLabel(double X, double Y, string Text);
