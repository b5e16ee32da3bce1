using PetitionSite.Languages;

namespace PetitionSite.Confirmation;

// The petition's title as the page shows it, in TitleLanguage: its translation into the page's language, or the original.
public sealed record ConfirmationResult(ConfirmationStatus Status, string? Slug = null, string? Title = null, string TitleLanguage = SiteLanguages.Default)
{
    public static ConfirmationResult Unknown { get; } = new(ConfirmationStatus.Unknown);
}
