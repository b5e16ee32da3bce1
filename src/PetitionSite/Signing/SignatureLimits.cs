namespace PetitionSite.Signing;

public static class SignatureLimits
{
    public const int NameLength = 100;

    // RFC 5321 caps a forward path at 256 octets, so an address is at most 254 characters.
    public const int EmailLength = 254;

    public const int PostcodeLength = 20;

    // A channel's name such as "newsletter-2026-11"; longer values are cut, not refused.
    public const int SourceLength = 40;
}
