using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PetitionSite.Site;

namespace PetitionSite.Admin.FraudReview;

// A network as the fraud review shows it ("203.0.113.0/24"), one address, or a range an admin types ("198.51.100.0/22"),
// turned into the stored values it covers: whole networks (ClientNetwork) when it is a network or wider, single
// addresses (ClientAddress) when narrower. Exact values keep the match the same on any database.
public sealed record ClientNetworkRange(string Text, bool ByNetwork, IReadOnlyList<string> Values, string Network)
{
    // A range becomes a list of values to compare with, so it is kept short: 256 networks (an IPv4 /16, an IPv6 /56)
    // or 256 addresses (an IPv4 /24, an IPv6 /120).
    public const int MaxValues = 256;

    public const int MaxLength = 60;

    public const string FormatProblem = "Enter a network as the review shows it, such as 203.0.113.0/24 or 2001:db8:1:2::/64, a range such as 203.0.112.0/22, or one address.";

    public static ClientNetworkRange? Parse(string? text) => TryParse(text, out var range, out _) ? range : null;

    // False with a problem to show when the text is not a usable range; an empty text is no range at all (true, null).
    public static bool TryParse(string? text, out ClientNetworkRange? range, out string? problem)
    {
        range = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? trimmed : trimmed[..slash];
        if (trimmed.Length > MaxLength || !TryParseAddress(addressText, out var address))
        {
            problem = FormatProblem;
            return false;
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0 && !(int.TryParse(trimmed[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix) && prefix <= bits))
        {
            problem = FormatProblem;
            return false;
        }

        var networkBits = bits == 32 ? 24 : 64;
        var first = ToNumber(address) & Mask(prefix, bits);
        var byNetwork = prefix <= networkBits;
        var spanBits = byNetwork ? networkBits - prefix : bits - prefix;
        if (spanBits > 8)
        {
            problem = byNetwork
                ? "That range is too wide to match: use at most 256 networks, such as a /16 for IPv4 or a /56 for IPv6."
                : "That range is narrower than a network but wider than 256 addresses: use the whole network (a /64) or at most 256 addresses (a /120).";
            return false;
        }

        // The step from one value to the next: one network, or one address.
        var step = UInt128.One << (bits - (byNetwork ? networkBits : bits));
        var values = Enumerable.Range(0, 1 << spanBits)
            .Select(i => ToAddress(first + (step * (UInt128)i), bits))
            .Select(a => byNetwork ? ClientAddress.NetworkOf(a)! : ClientAddress.TextOf(a)!)
            .ToList();
        var start = ToAddress(first, bits);
        range = new ClientNetworkRange($"{start}/{prefix}", byNetwork, values, byNetwork ? $"{start}/{prefix}" : ClientAddress.NetworkOf(start)!);
        return true;
    }

    // Dotted IPv4 with all four parts, or IPv6 without a zone; IPAddress alone would also read "10.1" as 10.0.0.1.
    private static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (!IPAddress.TryParse(text, out var parsed) || text.Contains('%', StringComparison.Ordinal))
        {
            return false;
        }

        if (parsed.AddressFamily == AddressFamily.InterNetwork && (text.Count(c => c == '.') != 3 || !text.All(c => char.IsAsciiDigit(c) || c == '.')))
        {
            return false;
        }

        address = parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed;
        return true;
    }

    private static UInt128 Mask(int prefix, int bits) => prefix == 0 ? UInt128.Zero : (UInt128.MaxValue << (128 - prefix)) >> (128 - bits);

    private static UInt128 ToNumber(IPAddress address)
    {
        var number = UInt128.Zero;
        foreach (var b in address.GetAddressBytes())
        {
            number = (number << 8) | b;
        }

        return number;
    }

    private static IPAddress ToAddress(UInt128 number, int bits)
    {
        var bytes = new byte[bits / 8];
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(number & 0xFF);
            number >>= 8;
        }

        return new IPAddress(bytes);
    }
}
