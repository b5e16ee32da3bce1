using System.Net;
using PetitionSite.Petitions;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Petitions;

// Under the petition's text: confirmed signatures by country, as a small table a screen reader can navigate.
public sealed class CountryTableTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task A_petition_without_signatures_shows_no_table()
    {
        var slug = await NewPetitionAsync();

        var page = await fixture.NewSupporter().OpenAsync($"/petitions/{slug}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("table.countries"));
    }

    [Fact]
    public async Task The_largest_countries_are_listed_and_the_rest_summed_in_one_line()
    {
        var slug = await NewPetitionAsync();
        string[] countries = ["FR", "FR", "FR", "PS", "PS", "GB", "DE", "BE", "LB", "JO"];
        foreach (var country in countries)
        {
            await SignAndConfirmAsync(slug, Supporter.New() with { Country = country });
        }

        // Signed, never confirmed: in no line.
        await SignAsync(slug, Supporter.New() with { Country = "US" });
        var table = await TableWhenCountedAsync(slug, countries.Length);

        Assert.Equal("Confirmed signatures by country", table.QuerySelector("caption")?.TextContent.Trim());
        Assert.Equal(["col", "col"], table.QuerySelectorAll("thead th").Select(th => th.GetAttribute("scope")));
        var rows = table.QuerySelectorAll("tbody tr")
            .Select(tr => (tr.QuerySelector("th[scope=row]")?.TextContent, tr.QuerySelector("td")?.TextContent))
            .ToList();
        Assert.Equal(PetitionPageFactory.CountriesShown + 1, rows.Count);
        Assert.Equal(("France", "3"), rows[0]);
        Assert.Equal(("Palestine", "2"), rows[1]);
        Assert.Equal(("Other countries", "2"), rows[^1]);
        Assert.Equal(countries.Length, rows.Sum(r => int.Parse(r.Item2!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.DoesNotContain(rows, r => r.Item1 == "United States");
    }

    [Theory]
    [InlineData("fr", "Palestine", "Allemagne", "Autres pays")]
    [InlineData("ar", "فلسطين", "ألمانيا", "بلدان أخرى")]
    public async Task The_table_names_countries_in_the_language_of_the_page(string language, string palestine, string germany, string others)
    {
        var slug = await NewPetitionAsync();
        string[] countries = ["PS", "PS", "DE", "GB", "BE", "LB", "JO", "FR"];
        foreach (var country in countries)
        {
            await SignAndConfirmAsync(slug, Supporter.New() with { Country = country });
        }

        await TableWhenCountedAsync(slug, countries.Length);
        var page = await fixture.NewSupporter().OpenAsync($"/{language}/petitions/{slug}");

        var names = page.Document.QuerySelectorAll("table.countries tbody th[scope=row]").Select(th => th.TextContent).ToList();
        Assert.Equal(palestine, names[0]);
        Assert.Contains(germany, names);
        Assert.Equal(others, names[^1]);
    }

    [Fact]
    public async Task The_table_links_to_the_open_data()
    {
        var slug = await NewPetitionAsync();
        await SignAndConfirmAsync(slug, Supporter.New() with { Country = "FR" });

        await TableWhenCountedAsync(slug, 1);
        var page = await fixture.NewSupporter().OpenAsync($"/petitions/{slug}");

        Assert.NotNull(page.Document.QuerySelector($"a[href='/petitions/{slug}.json']"));
    }

    private async Task<string> NewPetitionAsync()
    {
        var slug = $"by-country-{Guid.NewGuid():N}";
        await fixture.Site.QueryAsync(db =>
        {
            db.Petitions.Add(new Petition { Slug = slug, Title = "By country", Summary = "Counted by country.", BodyMarkdown = "Text.", Goal = 100, State = PetitionState.Open, CreatedAt = DateTime.UtcNow, OpenedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        return slug;
    }

    private async Task<string> SignAsync(string slug, Supporter supporter)
    {
        using var response = await fixture.NewSupporter().SignAsync(supporter, slug);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return PetitionSiteFactory.ConfirmationLinkIn(await fixture.Smtp.WaitForMessageToAsync(supporter.Email));
    }

    private async Task SignAndConfirmAsync(string slug, Supporter supporter)
    {
        using var confirmed = await fixture.NewSupporter().ConfirmAsync(await SignAsync(slug, supporter));
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
    }

    // The table a first visitor sees once the cached page shows this count, which the page cache allows two seconds for.
    private async Task<AngleSharp.Dom.IElement> TableWhenCountedAsync(string slug, int signatures)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(2);
        while (true)
        {
            var page = await fixture.NewSupporter().OpenAsync($"/petitions/{slug}");
            var table = page.Document.QuerySelector("table.countries");
            var shown = table?.QuerySelectorAll("tbody td").Sum(td => int.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)) ?? 0;
            if (shown == signatures || DateTime.UtcNow > deadline)
            {
                Assert.Equal(signatures, shown);
                return table!;
            }

            await Task.Delay(50);
        }
    }
}
