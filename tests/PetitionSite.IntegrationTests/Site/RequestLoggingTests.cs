using System.Net;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Site;

// At the levels the site ships with, readers, signers and visitors who mistype an address write no line each to the
// console; the log keeps what an operator must see.
public sealed class RequestLoggingTests(RequestLoggingTests.ShippedLevelsFixture fixture) : IClassFixture<RequestLoggingTests.ShippedLevelsFixture>
{
    [Fact]
    public async Task Requests_answered_in_time_write_no_request_line_at_the_shipped_levels()
    {
        var supporter = Supporter.New();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await fixture.NewSupporter().OpenAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}")).Status);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await fixture.NewSupporter().OpenAsync("/petitions/no-such-petition")).Status);
        await fixture.SignAndGetLinkAsync(supporter);

        Assert.Empty(fixture.Site.Logs.Mentioning("responded"));
        // What the site says about the signature itself still reaches the log, its address masked.
        Assert.Single(fixture.Site.Logs.Mentioning($"{supporter.Email[0]}***@"), line => line.Contains("Accepted", StringComparison.Ordinal));
    }

    // The levels of appsettings.json, which the other test sites turn down to warnings.
    public sealed class ShippedLevelsFixture : SiteFixture
    {
        protected override PetitionSiteFactory CreateSite(TestSmtpServer smtp) => new(smtp, new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Information",
        });
    }
}
