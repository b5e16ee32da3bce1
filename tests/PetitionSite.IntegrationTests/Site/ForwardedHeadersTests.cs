using System.Net;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Site;

// With no proxy configured, X-Forwarded-For is only text a visitor wrote: it never becomes their address.
public sealed class ForwardedHeadersTests(LimitedSiteFixture fixture) : IClassFixture<LimitedSiteFixture>
{
    [Theory]
    [InlineData("198.51.100.50", "198.51.100.0/24")]
    [InlineData("127.0.0.1", "127.0.0.0/24")]
    [InlineData("::1", "::/64")]
    public async Task X_Forwarded_For_is_ignored_by_default_even_from_loopback(string connectedFrom, string network)
    {
        var visitor = fixture.Site.CreateSupporterAt(IPAddress.Parse(connectedFrom));
        visitor.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.77");
        var supporter = Supporter.New("Pretender");

        using var response = await visitor.SignAsync(supporter);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var stored = Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        Assert.Equal(connectedFrom, stored.ClientAddress);
        Assert.Equal(network, stored.ClientNetwork);
    }

    [Fact]
    public async Task A_new_X_Forwarded_For_on_every_request_does_not_escape_the_limit()
    {
        var visitor = fixture.Site.CreateSupporterAt(IPAddress.Parse("198.51.100.51"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= LimitedSiteFixture.SigningPerClient + 1; i++)
        {
            visitor.Http.DefaultRequestHeaders.Remove("X-Forwarded-For");
            visitor.Http.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i}");
            using var response = await visitor.SignAsync(Supporter.New());
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.All(statuses[..^1], status => Assert.Equal(HttpStatusCode.SeeOther, status));
    }
}
