using System.Net;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Petitions;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Petitions;

public sealed class ClosedPetitionTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task A_closed_petition_says_so_instead_of_showing_the_form()
    {
        await SetStateAsync(PetitionState.Closed);
        var client = fixture.NewSupporter();

        var page = await client.OpenAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("This petition is closed and no longer accepts signatures.", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("form.signature-form"));
        Assert.False((await client.CountAsync()).Open);
        Assert.Empty((await client.OpenAsync("/")).Document.QuerySelectorAll(".petition-list > li"));
    }

    [Fact]
    public async Task A_form_sent_after_the_petition_closed_is_refused_with_the_input_kept()
    {
        await SetStateAsync(PetitionState.Open);
        var supporter = Supporter.New("Zoë", "Ó Súilleabháin");
        var client = fixture.NewSupporter();
        var before = await client.OpenAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}");
        await SetStateAsync(PetitionState.Closed);

        using var content = new FormUrlEncodedContent([.. supporter.FormFields(), new("__form", before.FormToken)]);
        using var response = await client.Http.PostAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}/signatures", content);
        var page = await WebPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("This petition is closed and no longer accepts signatures.", page.Document.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Zoë", page.ValueOf("#Form_FirstName"));
        Assert.Equal(supporter.Email, page.ValueOf("#Form_Email"));
        Assert.Empty(await fixture.SignaturesFromAsync(supporter.Email));
    }

    private Task<int> SetStateAsync(PetitionState state) =>
        fixture.Site.QueryAsync(db => db.Petitions
            .Where(p => p.Slug == PetitionSiteFactory.PetitionSlug)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.State, state)));
}
