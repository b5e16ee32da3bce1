using PetitionSite.Petitions;

namespace PetitionSite.Admin.Dashboard;

// A line of the back office's list of petitions.
public sealed record BackOfficePetition(string Slug, string Title, PetitionState State, int SignatureCount, int Goal, DateTime? ClosesAt);
