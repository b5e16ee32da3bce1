namespace PetitionSite.Accounts;

// A one-time link for an invited organiser to choose a password; like confirmation tokens, only its hash is kept.
public sealed class Invitation
{
    // Long enough to catch someone back from a weekend, short enough that a forgotten email is soon harmless.
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    public long Id { get; set; }

    public required string UserId { get; set; }

    public required string Email { get; set; }

    public required byte[] TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? AcceptedAt { get; set; }

    public string? InvitedBy { get; set; }
}
