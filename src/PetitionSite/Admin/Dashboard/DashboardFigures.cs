namespace PetitionSite.Admin.Dashboard;

// The headline figures, on the page and in figures.json, which the page polls to keep them current.
public sealed record DashboardFigures(int Confirmed, int Awaiting, int Invalidated, int Goal, int ThisHour)
{
    // Every signature made and still held: confirmed, awaiting confirmation or invalidated.
    public int Made => Confirmed + Awaiting + Invalidated;

    // The share of all signatures made that are confirmed, in percent to one decimal; null before anyone signs.
    public double? ConfirmedPercent => Made == 0 ? null : Math.Round(100.0 * Confirmed / Made, 1);

    public int ProgressPercent => Goal <= 0 ? 100 : (int)Math.Min(100, Confirmed * 100L / Goal);
}
