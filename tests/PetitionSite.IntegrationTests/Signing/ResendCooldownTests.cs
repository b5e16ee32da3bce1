using System.Net;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Signing;

// Signing again and again with someone's address must not flood their mailbox.
public sealed class ResendCooldownTests(ResendCooldownTests.CooldownSite fixture) : IClassFixture<ResendCooldownTests.CooldownSite>
{
    [Fact]
    public async Task Signing_five_times_in_a_row_sends_one_email()
    {
        var supporter = Supporter.New();
        var client = fixture.NewSupporter();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var response = await client.SignAsync(supporter);
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        }

        await fixture.WaitForEarlierEmailsAsync();
        Assert.Single(fixture.Smtp.MessagesTo(supporter.Email));
        Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
    }

    public sealed class CooldownSite : SiteFixture
    {
        protected override PetitionSiteFactory CreateSite(TestSmtpServer smtp) =>
            new(smtp, new Dictionary<string, string?> { ["Outbox:ResendCooldown"] = "00:10:00" });
    }
}
