using System.Net;
using MimeKit;
using PetitionSite.IntegrationTests.Site;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Unsubscribe;

public sealed class UnsubscribeRateLimitTests(LimitedSiteFixture fixture) : IClassFixture<LimitedSiteFixture>
{
    [Fact]
    public async Task One_click_unsubscribe_posts_too_often_from_one_address_are_refused_and_change_nothing()
    {
        var supporters = Enumerable.Range(0, LimitedSiteFixture.ConfirmingPerClient + 1).Select(i => Supporter.New($"Informed{i}") with { KeepInformed = true }).ToList();
        var paths = new List<string>();
        foreach (var supporter in supporters)
        {
            await fixture.SignAndGetLinkAsync(supporter);
            paths.Add(UnsubscribePathIn(await fixture.Smtp.WaitForMessageToAsync(supporter.Email)));
        }

        var script = fixture.Site.CreateSupporterAt(IPAddress.Parse("198.51.100.50")).Http;
        for (var i = 0; i < LimitedSiteFixture.ConfirmingPerClient; i++)
        {
            using var stopped = await script.PostAsync(paths[i], OneClick());
            Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
            Assert.False(Assert.Single(await fixture.SignaturesFromAsync(supporters[i].Email)).KeepInformed);
        }

        using var refused = await script.PostAsync(paths[^1], OneClick());

        await RefusalPage.AssertRefusedAsync(refused, LimitedSiteFixture.SecondsToWaitFor(LimitedSiteFixture.ConfirmingPerClient), "about 30 minutes");
        Assert.True(Assert.Single(await fixture.SignaturesFromAsync(supporters[^1].Email)).KeepInformed);

        // The signer's own mail client, from another address, still gets through.
        using var own = await fixture.NewSupporter().Http.PostAsync(paths[^1], OneClick());
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.False(Assert.Single(await fixture.SignaturesFromAsync(supporters[^1].Email)).KeepInformed);
    }

    private static FormUrlEncodedContent OneClick() => new([new("List-Unsubscribe", "One-Click")]);

    private static string UnsubscribePathIn(MimeMessage email) =>
        new Uri(email.Headers[HeaderId.ListUnsubscribe]!.Trim().TrimStart('<').TrimEnd('>')).PathAndQuery;
}
