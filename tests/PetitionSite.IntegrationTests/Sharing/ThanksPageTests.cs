using System.Net;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Sharing;

// The thanks page asks to share: plain links for every channel, and the share sheet and copy button where JavaScript offers them.
public sealed class ThanksPageTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task The_thanks_page_offers_sharing_that_works_without_javascript_and_names_each_channel()
    {
        var supporter = fixture.NewSupporter();
        using var confirmed = await supporter.ConfirmAsync(await fixture.SignAndGetLinkAsync(Supporter.New(), supporter));
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);

        var thanks = await supporter.OpenAsync(confirmed.Headers.Location!.OriginalString);

        var petition = "http://petitions.test/petitions/" + PetitionSiteFactory.PetitionSlug;
        var shareLinks = thanks.Document.QuerySelectorAll(".share a").Select(a => Uri.UnescapeDataString(a.GetAttribute("href")!)).ToList();
        Assert.Equal(6, shareLinks.Count);
        Assert.All(["email", "whatsapp", "telegram", "bluesky", "x", "facebook"], channel =>
            Assert.Contains(shareLinks, link => link.Contains(petition + "?source=" + channel, StringComparison.Ordinal)));
        var box = thanks.Document.QuerySelector(".share-now")!;
        Assert.Equal(petition + "?source=copy", box.GetAttribute("data-copy-url"));
        Assert.Equal(petition + "?source=share", box.GetAttribute("data-share-url"));
        // Without JavaScript the buttons would do nothing, so they stay hidden until the script shows them.
        Assert.All(box.QuerySelectorAll("button"), button => Assert.True(button.HasAttribute("hidden")));
        var script = Assert.Single(thanks.Document.Scripts);
        Assert.StartsWith("/js/share.js", script.Source, StringComparison.Ordinal);
        Assert.True(script.IsDeferred);
        Assert.True(string.IsNullOrWhiteSpace(script.Text));
    }
}
