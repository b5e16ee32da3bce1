namespace PetitionSite.Sharing;

// Bound from "Sharing".
public sealed class SharingOptions
{
    public const string Section = "Sharing";

    // A share image is redrawn when its petition's count has moved, and no more often than this.
    public TimeSpan ImageRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}
