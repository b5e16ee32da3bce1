using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Site;

// Search results and link previews show a page's description: every public page has one of its own.
public sealed class PageDescriptionTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const string PetitionPage = "/petitions/" + PetitionSiteFactory.PetitionSlug;

    [Theory]
    [InlineData("/")]
    [InlineData(PetitionPage)]
    [InlineData(PetitionPage + "/signed")]
    [InlineData(PetitionPage + "/thanks")]
    [InlineData("/signatures/confirm/unknown")]
    [InlineData("/petitions/no-such-petition")]
    [InlineData("/no/such/page")]
    public async Task Every_public_page_describes_itself(string path)
    {
        var page = await fixture.NewSupporter().OpenAsync(path);

        var description = Assert.Single(page.Document.QuerySelectorAll("meta[name=description]")).GetAttribute("content");
        Assert.False(string.IsNullOrWhiteSpace(description), path);
    }

    [Fact]
    public async Task The_petition_page_is_described_by_its_summary()
    {
        var summary = await fixture.Site.QueryAsync(db => Task.FromResult(db.Petitions.Single(p => p.Slug == PetitionSiteFactory.PetitionSlug).Summary));

        var page = await fixture.NewSupporter().OpenAsync(PetitionPage);

        Assert.Equal(summary, page.Document.QuerySelector("meta[name=description]")?.GetAttribute("content"));
    }

    [Fact]
    public async Task The_confirmation_page_is_described()
    {
        var link = await fixture.SignAndGetLinkAsync(Supporter.New("Describe"));

        var page = await fixture.NewSupporter().OpenAsync(link);

        Assert.Contains("Confirm your signature", page.Document.QuerySelector("meta[name=description]")?.GetAttribute("content"), StringComparison.Ordinal);
    }
}
