using System.Net;
using PetitionSite.IntegrationTests.Site;
using PetitionSite.Signing;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Confirmation;

public sealed class ConfirmationRateLimitTests(LimitedSiteFixture fixture) : IClassFixture<LimitedSiteFixture>
{
    [Fact]
    public async Task Pressing_confirm_too_often_from_one_address_is_refused_and_confirms_nothing()
    {
        var supporters = Enumerable.Range(0, LimitedSiteFixture.ConfirmingPerClient + 1).Select(i => Supporter.New($"Confirmer{i}")).ToList();
        var links = new List<string>();
        foreach (var supporter in supporters)
        {
            links.Add(await fixture.SignAndGetLinkAsync(supporter));
        }

        var mailbox = fixture.Site.CreateSupporterAt(IPAddress.Parse("198.51.100.30"));
        var before = await fixture.PublicCountAsync();
        for (var i = 0; i < LimitedSiteFixture.ConfirmingPerClient; i++)
        {
            using var confirmed = await mailbox.ConfirmAsync(links[i]);
            Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        }

        using var refused = await mailbox.ConfirmAsync(links[^1]);

        await RefusalPage.AssertRefusedAsync(refused, LimitedSiteFixture.SecondsToWaitFor(LimitedSiteFixture.ConfirmingPerClient), "about 30 minutes");
        Assert.Equal(SignatureState.Pending, Assert.Single(await fixture.SignaturesFromAsync(supporters[^1].Email)).State);
        Assert.Equal(before + LimitedSiteFixture.ConfirmingPerClient, await fixture.PublicCountAsync());
    }

    [Fact]
    public async Task Opening_a_link_is_never_limited_so_mail_scanners_use_up_nothing()
    {
        var link = await fixture.SignAndGetLinkAsync(Supporter.New("Scanned"));
        var scanner = fixture.Site.CreateSupporterAt(IPAddress.Parse("198.51.100.31"));
        for (var i = 0; i < LimitedSiteFixture.ConfirmingPerClient * 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await scanner.OpenAsync(link)).Status);
        }

        using var confirmed = await scanner.ConfirmAsync(link);

        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
    }
}
