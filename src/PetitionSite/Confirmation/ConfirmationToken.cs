using PetitionSite.Signing;

namespace PetitionSite.Confirmation;

// Only the SHA-256 hash of a token is stored; the token itself lives in the email alone.
public sealed class ConfirmationToken
{
    public required byte[] Hash { get; set; }

    public long SignatureId { get; set; }

    public Signature? Signature { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}
