using System.Net;
using PetitionSite.Site;

namespace PetitionSite.Tests.Site;

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void An_IPv6_host_is_counted_as_its_64_so_rotating_addresses_inside_it_does_not_escape_a_limit(string address, string host) =>
        Assert.Equal(host, ClientAddress.HostOf(IPAddress.Parse(address)));

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.0/24")]
    [InlineData("::ffff:198.51.100.200", "198.51.100.0/24")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    public void The_fraud_review_groups_addresses_by_network(string address, string network) =>
        Assert.Equal(network, ClientAddress.NetworkOf(IPAddress.Parse(address)));

    [Fact]
    public void A_request_without_an_address_shares_one_bucket_and_stores_no_address()
    {
        Assert.Equal("unknown", ClientAddress.HostOf(null));
        Assert.Null(ClientAddress.NetworkOf(null));
        Assert.Null(ClientAddress.TextOf(null));
    }
}
