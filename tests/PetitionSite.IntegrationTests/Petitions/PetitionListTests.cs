using System.Net;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Petitions;

public sealed class PetitionListTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/petitions")]
    public async Task The_list_shows_the_open_petition_with_its_count(string path)
    {
        var page = await fixture.NewSupporter().OpenAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("All petitions", page.Document.QuerySelector("h1")?.TextContent);
        var item = Assert.Single(page.Document.QuerySelectorAll(".petition-list > li"));
        var link = item.QuerySelector("h2 a")!;
        Assert.Equal("Free Walid Daqqah!", link.TextContent);
        Assert.Equal($"/petitions/{PetitionSiteFactory.PetitionSlug}", link.GetAttribute("href"));
        Assert.Contains("Walid Daqqah", item.QuerySelector("p")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("0 signatures of 10,000", WebPage.Normalize(item.QuerySelector(".count")!.TextContent));
    }
}
