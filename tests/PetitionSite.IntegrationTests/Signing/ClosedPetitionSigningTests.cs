using System.Net;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Petitions;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Signing;

public sealed class ClosedPetitionSigningTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task A_form_sent_after_the_petition_closed_is_refused_with_the_input_kept()
    {
        var supporter = Supporter.New("Zoë", "Ó Súilleabháin");
        var client = fixture.NewSupporter();
        var openPage = await client.OpenAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}");
        await fixture.Site.QueryAsync(db => db.Petitions
            .Where(p => p.Slug == PetitionSiteFactory.PetitionSlug)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.State, PetitionState.Closed)));

        using var response = await client.SendSignatureFormAsync([.. supporter.FormFields(), new("__form", openPage.FormToken)], withFormToken: false);
        var page = await WebPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("This petition is closed and no longer accepts signatures.", page.Document.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Zoë", page.ValueOf("#Form_FirstName"));
        Assert.Equal(supporter.Email, page.ValueOf("#Form_Email"));
        Assert.Empty(await fixture.SignaturesFromAsync(supporter.Email));
    }
}
