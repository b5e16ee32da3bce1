using System.Net;
using System.Text;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Sharing;

public sealed class EmbedTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const string EmbedPath = "/petitions/" + PetitionSiteFactory.PetitionSlug + "/embed";

    [Fact]
    public async Task The_embed_card_may_be_framed_by_other_sites_and_opens_the_petition_in_a_new_tab()
    {
        using var response = await fixture.NewSupporter().Http.GetAsync(EmbedPath, TestContext.Current.CancellationToken);
        var page = await WebPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors *", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        var sign = page.Document.QuerySelector("a.sign")!;
        Assert.Equal("_blank", sign.GetAttribute("target"));
        Assert.Equal("noopener", sign.GetAttribute("rel"));
        Assert.Equal("http://petitions.test/petitions/" + PetitionSiteFactory.PetitionSlug + "?source=embed", sign.GetAttribute("href"));
        Assert.Contains("signature", page.Document.QuerySelector(".count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_embed_card_and_its_stylesheet_weigh_under_5_kb()
    {
        var http = fixture.NewSupporter().Http;
        var html = await http.GetStringAsync(EmbedPath, TestContext.Current.CancellationToken);
        var stylesheet = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        var css = await http.GetStringAsync(stylesheet, TestContext.Current.CancellationToken);

        var bytes = Encoding.UTF8.GetByteCount(html) + Encoding.UTF8.GetByteCount(css);

        Assert.True(bytes < 5 * 1024, $"The embed card weighs {bytes} bytes");
    }
}
