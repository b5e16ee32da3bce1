using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Petitions;

namespace PetitionSite.IntegrationTests.Languages;

// sitemap.xml names each open petition at its plain address and in every language, each with its hreflang alternates.
public sealed class SitemapInLanguagesTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    [Fact]
    public async Task Every_open_petition_is_listed_in_every_language_with_alternates_and_no_other_petition_is()
    {
        // Added before the site's first sitemap, which the page cache then keeps.
        await fixture.Site.QueryAsync(db =>
        {
            db.Petitions.AddRange(
                NewPetition("sitemap-open", PetitionState.Open),
                NewPetition("sitemap-pending", PetitionState.Pending),
                NewPetition("sitemap-closed", PetitionState.Closed),
                NewPetition("sitemap-rejected", PetitionState.Rejected));
            return db.SaveChangesAsync();
        });
        var open = await fixture.Site.QueryAsync(db => db.Petitions.Where(p => p.State == PetitionState.Open).Select(p => p.Slug).ToListAsync());

        using var response = await fixture.NewSupporter().Http.GetAsync("/sitemap.xml", TestContext.Current.CancellationToken);
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("sitemap-open", open);
        var urls = sitemap.Root!.Elements(Sitemap + "url")
            .ToDictionary(
                url => url.Element(Sitemap + "loc")!.Value,
                url => url.Elements(Xhtml + "link").ToDictionary(link => (string)link.Attribute("hreflang")!, link => (string)link.Attribute("href")!));
        string[] paths = ["petitions", .. open.Select(slug => "petitions/" + slug)];
        foreach (var path in paths)
        {
            var alternates = new Dictionary<string, string>
            {
                ["en"] = $"http://petitions.test/en/{path}",
                ["fr"] = $"http://petitions.test/fr/{path}",
                ["ar"] = $"http://petitions.test/ar/{path}",
                ["x-default"] = $"http://petitions.test/{path}",
            };
            foreach (var address in alternates.Values)
            {
                Assert.True(urls.TryGetValue(address, out var links), $"{address} is not in the sitemap.");
                Assert.Equal(alternates, links);
            }
        }

        Assert.Equal(paths.Length * 4, urls.Count);
        Assert.DoesNotContain(urls.Keys, address => address.Contains("sitemap-pending", StringComparison.Ordinal)
            || address.Contains("sitemap-closed", StringComparison.Ordinal) || address.Contains("sitemap-rejected", StringComparison.Ordinal));
    }

    private static Petition NewPetition(string slug, PetitionState state) => new()
    {
        Slug = slug,
        Title = slug,
        Summary = "In the sitemap or not.",
        BodyMarkdown = "Text.",
        Goal = 100,
        State = state,
        CreatedAt = DateTime.UtcNow,
        OpenedAt = state is PetitionState.Open or PetitionState.Closed ? DateTime.UtcNow : null,
        ClosedAt = state is PetitionState.Closed ? DateTime.UtcNow : null,
    };
}
