using PetitionSite.Signing;

namespace PetitionSite.Withdrawal;

// The hash of a link that withdraws a signature; every email about a signature carries one. It goes when the signature goes.
public sealed class WithdrawalToken
{
    public required byte[] Hash { get; set; }

    public long SignatureId { get; set; }

    public Signature? Signature { get; set; }

    public DateTime CreatedAt { get; set; }
}
