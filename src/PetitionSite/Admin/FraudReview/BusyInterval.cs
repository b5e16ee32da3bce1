namespace PetitionSite.Admin.FraudReview;

// A five-minute interval far above its window's median: a sudden spike of signing.
public sealed record BusyInterval(DateTime Start, DateTime End, int Signatures);
