namespace PetitionSite.Accounts;

// A line of /admin/people: an admin or organiser, whether they can sign in yet, and what they look after.
public sealed record StaffListItem(
    string UserId,
    string Email,
    string Role,
    bool TwoFactorEnabled,
    bool HasPassword,
    DateTime? InvitationExpiresAt,
    IReadOnlyList<PetitionReference> Petitions);
