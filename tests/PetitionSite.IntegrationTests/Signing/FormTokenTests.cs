using System.Net;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Signing;

// The form's antiforgery token: without a good one nothing is signed, but the supporter keeps what they typed.
public sealed class FormTokenTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task A_form_without_its_token_comes_back_with_the_input_kept_ready_to_send_again()
    {
        var supporter = Supporter.New("وليد", "دقة") with { Country = "PS", KeepInformed = true };
        var client = fixture.NewSupporter();
        await client.OpenAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}");

        using var response = await client.SendSignatureFormAsync(supporter.FormFields(), withFormToken: false);

        var page = await AssertSentBackAsync(response, supporter);
        using var again = await client.SendSignatureFormAsync([.. supporter.FormFields(), new("__form", page.FormToken)], withFormToken: false);
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
    }

    [Fact]
    public async Task A_made_up_token_is_refused_the_same_way()
    {
        var supporter = Supporter.New();
        var client = fixture.NewSupporter();
        await client.OpenAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}");

        using var response = await client.SendSignatureFormAsync([.. supporter.FormFields(), new("__form", "CfDJ8made-up-token")], withFormToken: false);

        await AssertSentBackAsync(response, supporter);
    }

    [Fact]
    public async Task A_token_from_another_browser_is_refused_the_same_way()
    {
        var supporter = Supporter.New();
        var other = await fixture.NewSupporter().OpenAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}");

        using var response = await fixture.NewSupporter().SendSignatureFormAsync([.. supporter.FormFields(), new("__form", other.FormToken)], withFormToken: false);

        await AssertSentBackAsync(response, supporter);
    }

    [Theory]
    [InlineData("https://localhost")]
    [InlineData("http://localhost")]
    public async Task The_form_cookie_is_sent_only_over_https_never_to_scripts_nor_with_other_sites_requests(string address)
    {
        // Behind the TLS-terminating proxy the site itself is reached over plain http; the cookie must be Secure all the same.
        using var http = fixture.Site.CreateClient(new() { BaseAddress = new Uri(address) });

        using var response = await http.GetAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("petition-form=", StringComparison.Ordinal));
        var attributes = setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
    }

    private async Task<WebPage> AssertSentBackAsync(HttpResponseMessage response, Supporter supporter)
    {
        var page = await WebPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("This form had expired. Please check your details and send it again.", page.Document.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(supporter.FirstName, page.ValueOf("#Form_FirstName"));
        Assert.Equal(supporter.LastName, page.ValueOf("#Form_LastName"));
        Assert.Equal(supporter.Email, page.ValueOf("#Form_Email"));
        Assert.Equal(supporter.Country, page.ValueOf("#Form_Country"));
        Assert.Equal(supporter.KeepInformed, page.Document.QuerySelector("#Form_KeepInformed")?.HasAttribute("checked"));
        Assert.NotEmpty(page.FormToken);
        Assert.Empty(await fixture.SignaturesFromAsync(supporter.Email));
        await fixture.AssertNoEmailToAsync(supporter.Email);
        return page;
    }
}
