namespace PetitionSite.Petitions;

// ClosedAt is when a closed petition closed, or its closing date once that has passed even before the schedule closes it.
public sealed record PetitionStatus(int Id, bool IsOpen, int Revision, DateTime? ClosedAt = null);
