using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Sharing;

// An organisation runs the site under its own name and logo.
public sealed class SiteNameTests(SiteNameTests.Fixture fixture) : IClassFixture<SiteNameTests.Fixture>
{
    public sealed class Fixture : SiteFixture
    {
        protected override PetitionSiteFactory CreateSite(TestSmtpServer smtp) =>
            new(smtp, new Dictionary<string, string?> { ["Site:Name"] = "Tous les dossiers", ["Site:LogoPath"] = "favicon.svg" });
    }

    [Fact]
    public async Task Pages_carry_the_configured_name_and_logo()
    {
        var page = await fixture.NewSupporter().OpenAsync("/petitions/" + PetitionSiteFactory.PetitionSlug);

        Assert.EndsWith("– Tous les dossiers", page.Document.Title, StringComparison.Ordinal);
        Assert.Equal("Tous les dossiers", page.Document.QuerySelector(".brand")!.TextContent.Trim());
        Assert.Equal("/favicon.svg", page.Document.QuerySelector(".brand img")!.GetAttribute("src"));
        Assert.Equal("Tous les dossiers", page.Document.QuerySelector("meta[property='og:site_name']")!.GetAttribute("content"));
        Assert.DoesNotContain("PetitionSite", page.Document.Head!.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_logo_that_is_not_a_file_under_wwwroot_stops_the_site_at_start()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        await using var site = new PetitionSiteFactory(smtp, new Dictionary<string, string?> { ["Site:LogoPath"] = "../appsettings.json" });

        var failure = Assert.ThrowsAny<Exception>(() => site.StartServer());

        Assert.Contains("Site:LogoPath", failure.ToString(), StringComparison.Ordinal);
    }
}
