using System.Net;
using System.Net.Sockets;

namespace PetitionSite.Site;

// Bound from "ForwardedHeaders": the proxies whose X-Forwarded-For and X-Forwarded-Proto the site believes. Empty by default,
// so nobody is believed, not even a proxy on the same machine: otherwise any visitor could choose the address a limit counts.
public sealed class TrustedProxyOptions
{
    public const string Section = "ForwardedHeaders";

    // ASP.NET Core's own switch, which believes X-Forwarded-For from anyone at all.
    public const string TrustEveryoneSwitch = "FORWARDEDHEADERS_ENABLED";

    // Single addresses, such as 10.0.0.5 or 2001:db8::5.
    public IList<string> KnownProxies { get; } = [];

    // Networks in CIDR form, such as 10.0.0.0/8 or 2001:db8::/32.
    public IList<string> KnownNetworks { get; } = [];

    public bool TrustEveryoneSwitchIsOn { get; set; }

    public bool TrustsAnyProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    // Strict on purpose: IPAddress.Parse reads "10.0.5" as 10.0.0.5 and "10" as 0.0.0.10, so a typo would trust a stranger.
    public static bool TryParseProxy(string text, out IPAddress address)
    {
        address = IPAddress.TryParse(text, out var parsed) ? parsed : IPAddress.None;
        return parsed is not null && (parsed.AddressFamily == AddressFamily.InterNetworkV6 || parsed.ToString() == text);
    }

    // The network's first address and its prefix length; "10.0.0.1/8" is refused rather than guessed at.
    public static bool TryParseNetwork(string text, out IPNetwork network) =>
        IPNetwork.TryParse(text, out network)
        && (network.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6 || network.BaseAddress.ToString() == text[..text.IndexOf('/', StringComparison.Ordinal)]);
}
