using System.Net;
using MimeKit;
using PetitionSite.IntegrationTests.Site;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Withdrawal;

public sealed class WithdrawalRateLimitTests(LimitedSiteFixture fixture) : IClassFixture<LimitedSiteFixture>
{
    [Fact]
    public async Task Pressing_withdraw_too_often_from_one_address_is_refused_and_withdraws_nothing()
    {
        var supporters = Enumerable.Range(0, LimitedSiteFixture.ConfirmingPerClient + 1).Select(i => Supporter.New($"Withdrawer{i}")).ToList();
        var links = new List<string>();
        foreach (var supporter in supporters)
        {
            await fixture.SignAndGetLinkAsync(supporter);
            links.Add(PetitionSiteFactory.WithdrawalLinkIn(await fixture.Smtp.WaitForMessageToAsync(supporter.Email)));
        }

        var script = fixture.Site.CreateSupporterAt(IPAddress.Parse("198.51.100.40"));
        for (var i = 0; i < LimitedSiteFixture.ConfirmingPerClient; i++)
        {
            using var withdrawn = await script.WithdrawAsync(links[i]);
            Assert.Equal(HttpStatusCode.SeeOther, withdrawn.StatusCode);
            Assert.Empty(await fixture.SignaturesFromAsync(supporters[i].Email));
        }

        using var refused = await script.WithdrawAsync(links[^1]);

        await RefusalPage.AssertRefusedAsync(refused, LimitedSiteFixture.SecondsToWaitFor(LimitedSiteFixture.ConfirmingPerClient), "about 30 minutes");
        Assert.Single(await fixture.SignaturesFromAsync(supporters[^1].Email));

        // The signer's own press, from another address, still works.
        using var own = await fixture.NewSupporter().WithdrawAsync(links[^1]);
        Assert.Equal(HttpStatusCode.SeeOther, own.StatusCode);
        Assert.Empty(await fixture.SignaturesFromAsync(supporters[^1].Email));
    }

    [Fact]
    public async Task Confirming_and_withdrawing_from_one_address_draw_on_one_allowance()
    {
        var supporters = Enumerable.Range(0, LimitedSiteFixture.ConfirmingPerClient + 1).Select(i => Supporter.New($"Mixed{i}")).ToList();
        var emails = new List<MimeMessage>();
        foreach (var supporter in supporters)
        {
            await fixture.SignAndGetLinkAsync(supporter);
            emails.Add(await fixture.Smtp.WaitForMessageToAsync(supporter.Email));
        }

        var script = fixture.Site.CreateSupporterAt(IPAddress.Parse("198.51.100.41"));
        for (var i = 0; i < LimitedSiteFixture.ConfirmingPerClient; i++)
        {
            using var confirmed = await script.ConfirmAsync(PetitionSiteFactory.ConfirmationLinkIn(emails[i]));
            Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        }

        using var refused = await script.WithdrawAsync(PetitionSiteFactory.WithdrawalLinkIn(emails[^1]));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Single(await fixture.SignaturesFromAsync(supporters[^1].Email));
    }
}
