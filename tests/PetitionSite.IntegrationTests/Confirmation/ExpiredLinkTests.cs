using System.Net;
using PetitionSite.Signing;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Confirmation;

public sealed class ExpiredLinkTests(ClockedSiteFixture fixture) : IClassFixture<ClockedSiteFixture>
{
    [Fact]
    public async Task An_expired_link_says_so_and_signing_again_sends_one_that_works()
    {
        var supporter = Supporter.New();
        var client = fixture.NewSupporter();
        var link = await fixture.SignAndGetLinkAsync(supporter, client);
        var formToken = (await client.OpenAsync(link)).FormToken;
        var before = await fixture.PublicCountAsync();

        fixture.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        var expired = await client.OpenAsync(link);
        Assert.Equal(HttpStatusCode.Gone, expired.Status);
        Assert.Equal("This link has expired", expired.Document.QuerySelector("h1")?.TextContent);
        var signAgain = Assert.Single(expired.Document.QuerySelectorAll("main a"), a => a.TextContent == "Sign again to get a new link");
        Assert.Equal($"/petitions/{PetitionSiteFactory.PetitionSlug}#sign", signAgain.GetAttribute("href"));
        using var pressed = await client.SendConfirmationAsync(link, formToken);
        Assert.Equal(HttpStatusCode.Gone, pressed.StatusCode);
        Assert.Equal(before, await fixture.PublicCountAsync());
        Assert.Equal(SignatureState.Pending, Assert.Single(await fixture.SignaturesFromAsync(supporter.Email)).State);

        var newLink = await fixture.SignAndGetLinkAsync(supporter, client);
        using var confirmed = await client.ConfirmAsync(newLink);

        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        Assert.Equal(before + 1, await fixture.PublicCountAsync());
        Assert.Equal("Already confirmed", (await client.OpenAsync(link)).Document.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task A_link_still_works_just_before_it_expires()
    {
        var client = fixture.NewSupporter();
        var link = await fixture.SignAndGetLinkAsync(Supporter.New(), client);
        var before = await fixture.PublicCountAsync();

        fixture.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        using var confirmed = await client.ConfirmAsync(link);

        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        Assert.Equal(before + 1, await fixture.PublicCountAsync());
    }
}
