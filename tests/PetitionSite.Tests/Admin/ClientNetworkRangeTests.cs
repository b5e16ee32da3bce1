using PetitionSite.Admin.FraudReview;

namespace PetitionSite.Tests.Admin;

public sealed class ClientNetworkRangeTests
{
    [Theory]
    [InlineData("203.0.113.0/24", "203.0.113.0/24")]
    [InlineData(" 203.0.113.77/24 ", "203.0.113.0/24")]
    [InlineData("2001:db8:1:2::/64", "2001:db8:1:2::/64")]
    [InlineData("2001:DB8:1:2:aaaa::1/64", "2001:db8:1:2::/64")]
    public void A_network_as_the_review_shows_it_matches_that_stored_network(string typed, string network)
    {
        var range = Parse(typed);

        Assert.True(range.ByNetwork);
        Assert.Equal([network], range.Values);
        Assert.Equal(network, range.Network);
    }

    [Fact]
    public void A_wider_range_matches_every_network_inside_it()
    {
        var range = Parse("198.51.101.9/22");

        Assert.True(range.ByNetwork);
        Assert.Equal("198.51.100.0/22", range.Text);
        Assert.Equal(["198.51.100.0/24", "198.51.101.0/24", "198.51.102.0/24", "198.51.103.0/24"], range.Values);
        Assert.Equal(256, Parse("10.20.0.0/16").Values.Count);
        Assert.Equal(["2001:db8:1::/64", "2001:db8:1:1::/64"], Parse("2001:db8:1::/63").Values);
    }

    [Theory]
    [InlineData("203.0.113.7", new[] { "203.0.113.7" }, "203.0.113.0/24")]
    [InlineData("::ffff:203.0.113.7", new[] { "203.0.113.7" }, "203.0.113.0/24")]
    [InlineData("203.0.113.6/31", new[] { "203.0.113.6", "203.0.113.7" }, "203.0.113.0/24")]
    [InlineData("2001:db8:1:2::1/127", new[] { "2001:db8:1:2::", "2001:db8:1:2::1" }, "2001:db8:1:2::/64")]
    public void A_range_narrower_than_a_network_matches_addresses_and_is_named_by_its_network(string typed, string[] addresses, string network)
    {
        var range = Parse(typed);

        Assert.False(range.ByNetwork);
        Assert.Equal(addresses, range.Values);
        Assert.Equal(network, range.Network);
    }

    [Theory]
    [InlineData("203.0.113")]
    [InlineData("10.1")]
    [InlineData("203.0.113.0/33")]
    [InlineData("203.0.113.0/-1")]
    [InlineData("203.0.113.0/")]
    [InlineData("not an address")]
    [InlineData("fe80::1%eth0")]
    [InlineData("203.0.113.0/24; DROP TABLE")]
    public void Anything_else_is_refused_with_the_format_to_use(string typed)
    {
        Assert.False(ClientNetworkRange.TryParse(typed, out var range, out var problem));
        Assert.Null(range);
        Assert.Equal(ClientNetworkRange.FormatProblem, problem);
    }

    [Theory]
    [InlineData("10.0.0.0/8", "too wide")]
    [InlineData("2001:db8::/48", "too wide")]
    [InlineData("2001:db8:1:2::/96", "narrower than a network")]
    public void A_range_of_more_than_256_values_is_refused(string typed, string problem)
    {
        Assert.False(ClientNetworkRange.TryParse(typed, out _, out var message));
        Assert.Contains(problem, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_typed_is_no_range_and_no_problem(string? typed)
    {
        Assert.True(ClientNetworkRange.TryParse(typed, out var range, out var problem));
        Assert.Null(range);
        Assert.Null(problem);
    }

    private static ClientNetworkRange Parse(string typed)
    {
        Assert.True(ClientNetworkRange.TryParse(typed, out var range, out var problem), problem);
        return range!;
    }
}
