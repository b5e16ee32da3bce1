using System.Net;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Site;

// One address per page: every variant answers 301 to it, whatever the page cache holds, and each page names it.
public sealed class CanonicalAddressTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const string PetitionPage = "/petitions/" + PetitionSiteFactory.PetitionSlug;

    [Theory]
    [InlineData("/petitions/FREE-WALID-DAQQAH", PetitionPage)]
    [InlineData("/PETITIONS/free-walid-daqqah", PetitionPage)]
    [InlineData("/petitions/free-walid-daqqah/", PetitionPage)]
    [InlineData("/Petitions/Free-Walid-Daqqah/?source=Newsletter", PetitionPage + "?source=Newsletter")]
    [InlineData("/petitions/free-walid-daqqah/COUNT.JSON", PetitionPage + "/count.json")]
    [InlineData("/petitions/", "/petitions")]
    [InlineData("/petitions/free-walid-daqqah/thanks/", PetitionPage + "/thanks")]
    public async Task A_variant_of_a_page_address_is_moved_permanently_to_the_one_address(string variant, string canonical)
    {
        using var response = await fixture.NewSupporter().Http.GetAsync(variant);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_variant_is_redirected_whether_or_not_the_page_is_cached()
    {
        using var cold = await fixture.NewSupporter().Http.GetAsync("/petitions/Free-Walid-Daqqah");
        using var page = await fixture.NewSupporter().Http.GetAsync(PetitionPage);
        using var warm = await fixture.NewSupporter().Http.GetAsync("/petitions/Free-Walid-Daqqah");

        Assert.Equal(HttpStatusCode.MovedPermanently, cold.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, warm.StatusCode);
    }

    [Fact]
    public async Task A_redirect_to_the_one_address_leads_to_the_page()
    {
        var client = fixture.Site.CreateClient(new() { BaseAddress = PetitionSiteFactory.SecureAddress });

        using var response = await client.GetAsync("/PETITIONS/FREE-WALID-DAQQAH/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PetitionPage, response.RequestMessage?.RequestUri?.AbsolutePath);
    }

    [Fact]
    public async Task A_link_with_a_token_keeps_its_case()
    {
        using var response = await fixture.NewSupporter().Http.GetAsync("/signatures/confirm/AbCdEfGh");
        using var slashed = await fixture.NewSupporter().Http.GetAsync("/signatures/confirm/AbCdEfGh/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, slashed.StatusCode);
        Assert.Equal("/signatures/confirm/AbCdEfGh", slashed.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_form_sent_to_a_variant_is_not_redirected()
    {
        using var content = new FormUrlEncodedContent([]);
        using var response = await fixture.NewSupporter().Http.PostAsync("/petitions/FREE-WALID-DAQQAH/signatures", content);

        Assert.NotEqual(HttpStatusCode.MovedPermanently, response.StatusCode);
    }

    [Fact]
    public async Task A_doubled_slash_is_never_redirected_to_another_site()
    {
        using var response = await fixture.NewSupporter().Http.GetAsync("//other.example/");

        Assert.NotEqual(HttpStatusCode.MovedPermanently, response.StatusCode);
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/petitions", "/")]
    [InlineData(PetitionPage, PetitionPage)]
    [InlineData(PetitionPage + "?source=newsletter", PetitionPage)]
    [InlineData(PetitionPage + "/signed", PetitionPage + "/signed")]
    [InlineData(PetitionPage + "/thanks", PetitionPage + "/thanks")]
    public async Task Every_public_page_names_its_one_address_on_the_public_host(string path, string canonical)
    {
        using var response = await fixture.NewSupporter().Http.GetAsync(path);
        var page = await WebPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var link = Assert.Single(page.Document.QuerySelectorAll("link[rel=canonical]"));
        Assert.Equal("http://petitions.test" + canonical, link.GetAttribute("href"));
    }

    [Fact]
    public async Task A_page_that_is_not_one_has_no_canonical_address()
    {
        var page = await fixture.NewSupporter().OpenAsync("/petitions/no-such-petition");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Empty(page.Document.QuerySelectorAll("link[rel=canonical]"));
    }
}
