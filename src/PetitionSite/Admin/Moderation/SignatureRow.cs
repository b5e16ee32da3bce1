using PetitionSite.Signing;

namespace PetitionSite.Admin.Moderation;

// A signature as the moderation page lists it.
public sealed record SignatureRow(
    long Id,
    string FirstName,
    string LastName,
    string Email,
    string CountryCode,
    string? Source,
    SignatureState State,
    DateTime SignedAt,
    DateTime? ConfirmedAt,
    int Revision,
    string? InvalidationReason,
    string? ClientNetwork = null)
{
    public string StateName => State switch
    {
        SignatureState.Validated => "confirmed",
        SignatureState.Invalidated => "invalidated",
        _ => "pending",
    };
}
