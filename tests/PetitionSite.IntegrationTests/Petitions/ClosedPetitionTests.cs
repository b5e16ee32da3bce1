using System.Net;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Petitions;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Petitions;

public sealed class ClosedPetitionTests(ClosedPetitionTests.ClosedPetitionFixture fixture) : IClassFixture<ClosedPetitionTests.ClosedPetitionFixture>
{
    [Fact]
    public async Task A_closed_petition_says_so_instead_of_showing_the_form()
    {
        var client = fixture.NewSupporter();

        var page = await client.OpenAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("This petition is closed and no longer accepts signatures.", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("form.signature-form"));
        Assert.Null(page.Document.QuerySelector("a[href='#sign']"));
        Assert.False((await client.CountAsync()).Open);
    }

    [Fact]
    public async Task A_closed_petition_stays_listed_with_its_final_count()
    {
        var page = await fixture.NewSupporter().OpenAsync("/");

        var item = Assert.Single(page.Document.QuerySelectorAll(".petition-list > li"));
        Assert.Equal("Closed with 0 signatures", WebPage.Normalize(item.QuerySelector(".count")?.TextContent));
        Assert.Contains("There are no open petitions just now.", page.Text, StringComparison.Ordinal);
    }

    // Closed before the site serves its first page, so no page from when it was open exists.
    public sealed class ClosedPetitionFixture : SiteFixture
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await Site.QueryAsync(db => db.Petitions
                .Where(p => p.Slug == PetitionSiteFactory.PetitionSlug)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.State, PetitionState.Closed)));
        }
    }
}
