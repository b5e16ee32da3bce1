namespace PetitionSite.Admin.Dashboard;

// Confirmed signatures in one hour or one day (UTC), starting at Start.
public sealed record SeriesPoint(DateTime Start, int Count);
