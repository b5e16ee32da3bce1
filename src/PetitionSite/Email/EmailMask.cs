namespace PetitionSite.Email;

// Logged in place of an address: "walid@example.org" is written "w***@example.org", enough to follow a message, not to harvest addresses.
public readonly record struct EmailMask(string? Address)
{
    public override string ToString()
    {
        if (string.IsNullOrEmpty(Address))
        {
            return "";
        }

        var at = Address.LastIndexOf('@');
        return at <= 0 ? "***" : string.Concat(Address.AsSpan(0, 1), "***", Address.AsSpan(at));
    }
}
