using System.Net;
using System.Xml.Linq;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Sharing;

public sealed class BadgeTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const string BadgePath = "/petitions/" + PetitionSiteFactory.PetitionSlug + "/badge.svg";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task The_badge_is_an_accessible_svg_that_other_sites_may_show()
    {
        using var response = await fixture.NewSupporter().Http.GetAsync(BadgePath, TestContext.Current.CancellationToken);
        var badge = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("cross-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        Assert.Equal("img", badge.Root!.Attribute("role")?.Value);
        Assert.Contains("signature", badge.Root.Element(Svg + "title")?.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_badge_shows_a_confirmed_signature_within_two_seconds()
    {
        var before = await CountOnBadgeAsync();
        var supporter = fixture.NewSupporter();
        using var confirmed = await supporter.ConfirmAsync(await fixture.SignAndGetLinkAsync(Supporter.New(), supporter));
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        var stored = await fixture.PublicCountAsync();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(2);
        var shown = await CountOnBadgeAsync();
        while (shown != stored && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            shown = await CountOnBadgeAsync();
        }

        Assert.Equal(before + 1, stored);
        Assert.Equal(stored, shown);
    }

    [Fact]
    public async Task There_is_no_badge_for_an_unknown_petition()
    {
        using var response = await fixture.NewSupporter().Http.GetAsync("/petitions/no-such-petition/badge.svg", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<int> CountOnBadgeAsync()
    {
        var badge = XDocument.Parse(await fixture.NewSupporter().Http.GetStringAsync(BadgePath, TestContext.Current.CancellationToken));
        var count = badge.Descendants(Svg + "text").First().Value.Split(' ')[0];
        return int.Parse(count, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
    }
}
