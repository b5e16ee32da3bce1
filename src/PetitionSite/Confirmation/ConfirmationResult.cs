namespace PetitionSite.Confirmation;

public sealed record ConfirmationResult(ConfirmationStatus Status, string? Slug = null, string? Title = null)
{
    public static ConfirmationResult Unknown { get; } = new(ConfirmationStatus.Unknown);
}
