using System.Net;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Site;

public sealed class SiteTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task The_health_check_answers_healthy()
    {
        using var response = await fixture.NewSupporter().Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/petitions/no-such-petition")]
    [InlineData("/petitions/no-such-petition/signed")]
    [InlineData("/petitions/no-such-petition/thanks")]
    [InlineData("/petitions/free-walid-daqqah-typo")]
    [InlineData("/no/such/page")]
    [InlineData("/petitions/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task An_unknown_address_gets_a_friendly_not_found_page(string path)
    {
        using var response = await fixture.NewSupporter().Http.GetAsync(path);
        var page = await WebPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Page not found", page.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/");
        AssertNoInternals(page);
    }

    [Fact]
    public async Task Signing_an_unknown_petition_gets_the_not_found_page()
    {
        var client = fixture.NewSupporter();

        using var response = await client.SendSignatureFormAsync(Supporter.New().FormFields(), slug: "no-such-petition", withFormToken: false);
        var page = await WebPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.Document.QuerySelector("h1")?.TextContent);
        AssertNoInternals(page);
    }

    [Theory]
    [InlineData("/?a[=1")]
    [InlineData("/petitions/free-walid-daqqah?Form[FirstName=x&%ZZ=%")]
    [InlineData("/petitions/free-walid-daqqah/count.json?slug]=x")]
    public async Task A_strange_query_string_is_ignored(string path)
    {
        using var response = await fixture.NewSupporter().Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_petition_page_loads_nothing_from_another_host()
    {
        var page = await fixture.NewSupporter().OpenAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}");

        // rel=canonical and the hreflang alternates name the page's own public addresses; they load nothing.
        var resources = page.Document.QuerySelectorAll("link[href]:not([rel=canonical]):not([rel=alternate]), script[src], img[src], iframe[src], source[src], video[src], audio[src], object[data], embed[src], form[action]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src") ?? e.GetAttribute("data") ?? e.GetAttribute("action")!)
            .ToList();

        Assert.NotEmpty(resources);
        Assert.All(resources, url =>
        {
            Assert.StartsWith("/", url, StringComparison.Ordinal);
            Assert.False(url.StartsWith("//", StringComparison.Ordinal), url);
        });
        Assert.Empty(page.Document.QuerySelectorAll("script"));
        Assert.Empty(page.Document.QuerySelectorAll("[style], style"));
    }

    [Fact]
    public async Task The_stylesheet_is_served_from_the_site()
    {
        var client = fixture.NewSupporter();
        var page = await client.OpenAsync("/");
        var stylesheet = page.Document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        using var response = await client.Http.GetAsync(stylesheet);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
    }

    private static void AssertNoInternals(WebPage page)
    {
        Assert.DoesNotContain("Exception", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("PetitionSite.", page.Text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bat [\w.]+\(", page.Text);
    }
}
