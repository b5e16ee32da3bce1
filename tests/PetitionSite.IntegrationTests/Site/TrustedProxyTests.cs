using System.Net;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Site;

// Behind configured proxies the client is the address the proxy saw, and each client behind it has a limit of its own.
public sealed class TrustedProxyTests(TrustedProxyTests.ProxiedSiteFixture fixture) : IClassFixture<TrustedProxyTests.ProxiedSiteFixture>
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.9.0.5");

    public sealed class ProxiedSiteFixture : LimitedSiteFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.9.0.5",
            ["ForwardedHeaders:KnownNetworks:0"] = "10.8.0.0/16",
        };
    }

    [Theory]
    [InlineData("10.9.0.5", "203.0.113.80", "203.0.113.80", "203.0.113.0/24")]
    [InlineData("10.8.3.4", "2001:db8:77::1", "2001:db8:77::1", "2001:db8:77::/64")]
    [InlineData("10.9.0.5", "192.0.2.1, 203.0.113.82", "203.0.113.82", "203.0.113.0/24")]
    [InlineData("10.9.0.6", "203.0.113.81", "10.9.0.6", "10.9.0.0/24")]
    public async Task The_client_address_is_forwarded_only_by_a_listed_proxy_and_only_its_own_entry_counts(
        string connectedFrom, string forwardedFor, string clientAddress, string clientNetwork)
    {
        var visitor = fixture.Site.CreateSupporterAt(IPAddress.Parse(connectedFrom));
        visitor.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        var supporter = Supporter.New("Forwarded");

        using var response = await visitor.SignAsync(supporter);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var stored = Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        Assert.Equal(clientAddress, stored.ClientAddress);
        Assert.Equal(clientNetwork, stored.ClientNetwork);
    }

    [Fact]
    public async Task Each_client_behind_the_proxy_has_a_limit_of_its_own()
    {
        var first = ThroughProxy("198.51.100.60");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= LimitedSiteFixture.SigningPerClient; i++)
        {
            using var response = await first.SignAsync(Supporter.New());
            statuses.Add(response.StatusCode);
        }

        using var second = await ThroughProxy("198.51.100.61").SignAsync(Supporter.New());

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
    }

    private SupporterClient ThroughProxy(string client)
    {
        var visitor = fixture.Site.CreateSupporterAt(Proxy);
        visitor.Http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        return visitor;
    }
}
