namespace PetitionSite.Admin.FraudReview;

// One client network or email domain in a window: its signatures by state, its share of the window's, and whether that is unusual.
// Key is null for signatures whose network was not recorded.
public sealed record SourceLine(string? Key, int Confirmed, int Awaiting, int Invalidated, double Share, string? Unusual, bool LargeProvider = false)
{
    // Confirmed or awaiting: the signatures that still stand, which the flags and shares are about.
    public int Signatures => Confirmed + Awaiting;
}
