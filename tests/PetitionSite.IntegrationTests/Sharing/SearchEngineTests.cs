using System.Net;
using System.Xml.Linq;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Sharing;

public sealed class SearchEngineTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Robots_keep_crawlers_out_of_the_back_office_and_supporters_links_and_point_to_the_sitemap()
    {
        using var response = await fixture.NewSupporter().Http.GetAsync("/robots.txt", TestContext.Current.CancellationToken);
        var robots = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = robots.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Disallow: /account", lines);
        Assert.Contains("Disallow: /signatures/", lines);
        Assert.Contains("Disallow: /fr/signatures/", lines);
        Assert.Contains("Disallow: /ar/petitions/*/thanks", lines);
        Assert.Contains("Disallow: /en/error", lines);
        Assert.Contains("Sitemap: http://petitions.test/sitemap.xml", lines);
        Assert.DoesNotContain("Disallow: /", lines);
    }

    [Fact]
    public async Task The_sitemap_lists_the_petitions_and_every_open_petition_at_public_addresses()
    {
        using var response = await fixture.NewSupporter().Http.GetAsync("/sitemap.xml", TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var sitemap = XDocument.Parse(text);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var addresses = sitemap.Root!.Elements(ns + "url").Select(url => url.Element(ns + "loc")!.Value).ToList();
        Assert.Contains("http://petitions.test/petitions", addresses);
        Assert.Contains("http://petitions.test/petitions/" + PetitionSiteFactory.PetitionSlug, addresses);
    }
}
