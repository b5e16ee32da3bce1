using Microsoft.Extensions.Options;
using PetitionSite.Admin.Moderation;
using PetitionSite.Signing;

namespace PetitionSite.Tests.Admin;

public sealed class SignatureSearchTests
{
    private static readonly Signature[] Signatures =
    [
        Signed("a@bots.example.net", "203.0.113.5", "203.0.113.0/24"),
        Signed("b@sub.bots.example.net", "203.0.113.6", "203.0.113.0/24"),
        Signed("c@example.org", "198.51.100.7", "198.51.100.0/24"),
    ];

    [Theory]
    [InlineData("203.0.113.0/24", null, new[] { "a@bots.example.net", "b@sub.bots.example.net" })]
    [InlineData("203.0.113.5", null, new[] { "a@bots.example.net" })]
    [InlineData("203.0.112.0/22", "bots.example.net", new[] { "a@bots.example.net" })]
    [InlineData(null, "@BOTS.example.net ", new[] { "a@bots.example.net" })]
    public void Network_and_domain_match_exactly_and_together(string? network, string? domain, string[] emails) =>
        Assert.Equal(emails, Matches(new SignatureSearch { Network = network, Domain = domain }));

    [Theory]
    [InlineData("203.0.113", null)]
    [InlineData("10.0.0.0/8", null)]
    [InlineData(null, "someone@bots.example.net")]
    public void A_network_or_domain_that_cannot_be_read_matches_nothing_rather_than_everything(string? network, string? domain)
    {
        var search = new SignatureSearch { Network = network, Domain = domain };

        Assert.NotEmpty(search.Problems());
        Assert.Empty(Matches(search));
    }

    private static string[] Matches(SignatureSearch search) =>
        [.. search.Apply(Signatures.AsQueryable(), 1, new CanonicalMailbox(Options.Create(new SigningOptions()))).Select(s => s.Email)];

    private static Signature Signed(string email, string address, string network) => new()
    {
        PetitionId = 1,
        FirstName = "A",
        LastName = "B",
        Email = email,
        NormalizedEmail = email,
        CountryCode = "GB",
        ClientAddress = address,
        ClientNetwork = network,
    };
}
