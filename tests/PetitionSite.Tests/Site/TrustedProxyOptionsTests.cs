using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PetitionSite.Site;

namespace PetitionSite.Tests.Site;

public sealed class TrustedProxyOptionsTests
{
    [Fact]
    public void By_default_nobody_is_trusted_not_even_loopback()
    {
        var forwarded = ForwardedHeadersFrom([]);

        Assert.Equal(ForwardedHeaders.None, forwarded.ForwardedHeaders);
        Assert.Empty(forwarded.KnownProxies);
        Assert.Empty(forwarded.KnownIPNetworks);
    }

    [Fact]
    public void Listed_proxies_and_networks_are_the_only_ones_trusted_for_the_client_address_and_scheme()
    {
        var forwarded = ForwardedHeadersFrom(new()
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
            ["ForwardedHeaders:KnownProxies:1"] = "2001:db8::5",
            ["ForwardedHeaders:KnownNetworks:0"] = "172.16.0.0/12",
        });

        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, forwarded.ForwardedHeaders);
        Assert.Equal([IPAddress.Parse("10.0.0.5"), IPAddress.Parse("2001:db8::5")], forwarded.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("172.16.0.0/12")], forwarded.KnownIPNetworks);
        Assert.Null(forwarded.ForwardLimit);
    }

    [Fact]
    public void One_environment_variable_can_hold_a_comma_separated_list()
    {
        var forwarded = ForwardedHeadersFrom(new() { ["ForwardedHeaders:KnownNetworks"] = "10.0.0.0/8, 192.168.0.0/16" });

        Assert.Equal([System.Net.IPNetwork.Parse("10.0.0.0/8"), System.Net.IPNetwork.Parse("192.168.0.0/16")], forwarded.KnownIPNetworks);
    }

    [Theory]
    [InlineData("10.0.0.5", true)]
    [InlineData("::1", true)]
    [InlineData("2001:db8::5", true)]
    [InlineData("10.0.5", false)]
    [InlineData("10", false)]
    [InlineData("010.0.0.5", false)]
    [InlineData("10.0.0.0/8", false)]
    [InlineData("proxy.internal", false)]
    public void A_proxy_is_one_address_written_in_full(string text, bool valid)
    {
        Assert.Equal(valid, TrustedProxyOptions.TryParseProxy(text, out _));
    }

    [Theory]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("2001:db8::/32", true)]
    [InlineData("10.0.0.1/8", false)]
    [InlineData("10.0.0.0", false)]
    [InlineData("10.0/8", false)]
    [InlineData("10.0.0.0/33", false)]
    public void A_network_is_its_first_address_and_prefix_length(string text, bool valid)
    {
        Assert.Equal(valid, TrustedProxyOptions.TryParseNetwork(text, out _));
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "10.0.5", "ForwardedHeaders:KnownProxies must list IP addresses")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.1/8", "ForwardedHeaders:KnownNetworks must list networks")]
    [InlineData("FORWARDEDHEADERS_ENABLED", "true", "ASPNETCORE_FORWARDEDHEADERS_ENABLED makes the site believe X-Forwarded-For from anyone")]
    public void A_setting_that_would_trust_the_wrong_sender_stops_the_site_with_a_clear_message(string key, string value, string message)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => ForwardedHeadersFrom(new() { [key] = value }));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    private static ForwardedHeadersOptions ForwardedHeadersFrom(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddTrustedProxies(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
    }
}
