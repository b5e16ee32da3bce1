using PetitionSite.Admin.Dashboard;

namespace PetitionSite.Admin.FraudReview;

// Where one window's signatures came from (the last hour or the last 24 hours, in whole five-minute intervals up to now).
public sealed record ReviewWindow(
    string Id,
    string Name,
    DateTime From,
    double Hours,
    int Confirmed,
    int Awaiting,
    int Invalidated,
    IReadOnlyList<SourceLine> Networks,
    IReadOnlyList<SourceLine> Domains,
    BarChart Chart,
    double Median,
    IReadOnlyList<BusyInterval> Spikes)
{
    public int Signatures => Confirmed + Awaiting;
}
