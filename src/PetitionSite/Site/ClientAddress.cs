using System.Net;
using System.Net.Sockets;

namespace PetitionSite.Site;

// How the site groups visitors by address: a rate limit counts one host, the fraud review one network.
public static class ClientAddress
{
    public const int TextLength = 45;

    public const int NetworkLength = 50;

    // An IPv6 host owns at least a /64 and can rotate addresses inside it, so it is counted as one.
    public static string HostOf(IPAddress? address) => address switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } => address.MapToIPv4().ToString(),
        { AddressFamily: AddressFamily.InterNetworkV6 } => PrefixOf(address, 64),
        _ => address.ToString(),
    };

    // A /24 of IPv4 (one office, one small provider's pool) or a /64 of IPv6: the unit the fraud review groups by.
    public static string? NetworkOf(IPAddress? address) => address switch
    {
        null => null,
        { IsIPv4MappedToIPv6: true } => PrefixOf(address.MapToIPv4(), 24),
        { AddressFamily: AddressFamily.InterNetworkV6 } => PrefixOf(address, 64),
        _ => PrefixOf(address, 24),
    };

    public static string? TextOf(IPAddress? address) => address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    private static string PrefixOf(IPAddress address, int bits)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(bits - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return $"{new IPAddress(bytes)}/{bits}";
    }
}
