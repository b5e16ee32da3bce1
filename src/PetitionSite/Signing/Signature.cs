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

    // The canonical mailbox (trimmed, lower-cased, provider rules applied): one signature per petition per mailbox.
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

    // The language of the page it was made on ("en", "fr" or "ar"): its emails are written in it.
    public string Language { get; set; } = "en";

    public DateTime CreatedAt { get; set; }

    public DateTime? ConfirmedAt { get; set; }

    public DateTime? InvalidatedAt { get; set; }

    public string? InvalidationReason { get; set; }

    // Where the signature came from, kept for the fraud review and erased after Privacy:ClientAddressDays.
    public string? ClientAddress { get; set; }

    // The /24 (IPv4) or /64 (IPv6) around ClientAddress, erased with it.
    public string? ClientNetwork { get; set; }
}
