using PetitionSite.Petitions;

namespace PetitionSite.Signing;

public sealed class Signature
{
    public long Id { get; set; }

    public int PetitionId { get; set; }

    public Petition? Petition { get; set; }

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    public required string Email { get; set; }

    // Trimmed and lower-cased: one signature per petition per address.
    public required string NormalizedEmail { get; set; }

    public required string CountryCode { get; set; }

    public string? Postcode { get; set; }

    public bool ShowNamePublicly { get; set; }

    public bool KeepInformed { get; set; }

    public DateTime? KeepInformedConsentedAt { get; set; }

    public SignatureState State { get; set; }

    // The petition's text revision shown when this signature was made.
    public int Revision { get; set; } = 1;

    // The channel the signer came from (`?source=` on the link), or null.
    public string? Source { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ConfirmedAt { get; set; }

    public DateTime? InvalidatedAt { get; set; }

    public string? InvalidationReason { get; set; }
}
