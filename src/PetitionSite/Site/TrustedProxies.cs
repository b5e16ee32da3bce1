using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace PetitionSite.Site;

// The client's address comes from X-Forwarded-For only when the request itself comes from a proxy listed under
// ForwardedHeaders:KnownProxies or KnownNetworks. Limits, the stored ClientAddress and the logs all read it from here on.
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TrustedProxyOptions>()
            .Configure(options =>
            {
                var section = configuration.GetSection(TrustedProxyOptions.Section);
                Read(section.GetSection(nameof(TrustedProxyOptions.KnownProxies)), options.KnownProxies);
                Read(section.GetSection(nameof(TrustedProxyOptions.KnownNetworks)), options.KnownNetworks);
                options.TrustEveryoneSwitchIsOn = string.Equals(configuration[TrustedProxyOptions.TrustEveryoneSwitch], "true", StringComparison.OrdinalIgnoreCase);
            })
            .Validate(
                o => o.KnownProxies.All(p => TrustedProxyOptions.TryParseProxy(p, out _)),
                "ForwardedHeaders:KnownProxies must list IP addresses written in full, such as 10.0.0.5 or 2001:db8::5.")
            .Validate(
                o => o.KnownNetworks.All(n => TrustedProxyOptions.TryParseNetwork(n, out _)),
                "ForwardedHeaders:KnownNetworks must list networks as their first address and prefix length, such as 10.0.0.0/8 or 2001:db8::/32.")
            .Validate(
                o => !o.TrustEveryoneSwitchIsOn,
                "ASPNETCORE_FORWARDEDHEADERS_ENABLED makes the site believe X-Forwarded-For from anyone, so visitors could choose their own address: " +
                "remove it and list the proxy under ForwardedHeaders:KnownProxies or ForwardedHeaders:KnownNetworks instead.")
            .ValidateOnStart();

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((forwarded, settings) =>
        {
            var trusted = settings.Value;
            // Not the Host header: links in emails come from Site:PublicUrl, and nothing else should follow a forwarded host.
            forwarded.ForwardedHeaders = trusted.TrustsAnyProxy ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            // ASP.NET Core trusts loopback out of the box; here even a proxy on the same machine must be listed.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            // Every entry parses: the options were validated before this runs.
            foreach (var proxy in trusted.KnownProxies)
            {
                if (TrustedProxyOptions.TryParseProxy(proxy, out var address))
                {
                    forwarded.KnownProxies.Add(address);
                }
            }

            foreach (var network in trusted.KnownNetworks)
            {
                if (TrustedProxyOptions.TryParseNetwork(network, out var parsed))
                {
                    forwarded.KnownIPNetworks.Add(parsed);
                }
            }

            // Read X-Forwarded-For from the right through every trusted hop (a CDN, then nginx), stopping at the first
            // address that is not a listed proxy: entries a visitor wrote to its left are never reached.
            forwarded.ForwardLimit = null;
        });
        return services;
    }

    // With nobody trusted the middleware is left out: given empty lists, ASP.NET Core's would believe everyone.
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<TrustedProxyOptions>>().Value.TrustsAnyProxy)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    // A list in appsettings.json, one setting per entry (ForwardedHeaders__KnownProxies__0=...), or one comma-separated value.
    private static void Read(IConfigurationSection section, IList<string> into)
    {
        var entries = (section.Value ?? "").Split(',').Concat(section.GetChildren().Select(child => child.Value ?? ""));
        foreach (var entry in entries.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            into.Add(entry);
        }
    }
}
