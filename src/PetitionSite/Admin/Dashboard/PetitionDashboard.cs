using PetitionSite.Petitions;

namespace PetitionSite.Admin.Dashboard;

// Everything the dashboard of one petition shows; no signer's personal data beyond the names they chose to show.
public sealed record PetitionDashboard
{
    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required PetitionState State { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? OpensAt { get; init; }

    public DateTime? OpenedAt { get; init; }

    public DateTime? ClosesAt { get; init; }

    public DateTime? ClosedAt { get; init; }

    public required DashboardFigures Figures { get; init; }

    public required IReadOnlyList<SeriesPoint> LastHours { get; init; }

    public required IReadOnlyList<SeriesPoint> Days { get; init; }

    public required BarChart LastHoursChart { get; init; }

    public required BarChart DaysChart { get; init; }

    public required IReadOnlyList<CountLine> Countries { get; init; }

    public required IReadOnlyList<CountLine> Sources { get; init; }

    public required IReadOnlyList<NamedSigner> LatestSigners { get; init; }

    public ChannelLink ChannelLink { get; init; } = new();
}
