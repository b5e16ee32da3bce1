namespace PetitionSite.Testing;

// A back-office account made for a test: its password, and the authenticator key when it has a second factor.
public sealed record StaffMember(string Email, string Password, string Role, string? AuthenticatorKey);
