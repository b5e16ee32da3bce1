using System.Net;
using PetitionSite.Signing;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Signing;

public sealed class SignTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task A_valid_signature_is_kept_unconfirmed_and_the_supporter_is_asked_to_check_their_email()
    {
        var client = fixture.NewSupporter();
        var email = $"Walid.{Guid.NewGuid():N}@Example.org";
        var supporter = new Supporter("  Walid\u00a0", "Daqqah", $" {email} ", Country: "PS", Postcode: "P-12 3", ShowNamePublicly: true, KeepInformed: true);

        using var response = await client.SignAsync(supporter);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/petitions/{PetitionSiteFactory.PetitionSlug}/signed", response.Headers.Location?.OriginalString);
        var next = await client.OpenAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.Equal("Check your email", next.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains("Thank you for signing Free Walid Daqqah!", next.Text, StringComparison.Ordinal);

        var stored = Assert.Single(await fixture.SignaturesFromAsync(email));
        Assert.Equal(("Walid", "Daqqah", email, email.ToLowerInvariant()), (stored.FirstName, stored.LastName, stored.Email, stored.NormalizedEmail));
        Assert.Equal(("PS", "P-12 3"), (stored.CountryCode, stored.Postcode));
        Assert.True(stored.ShowNamePublicly);
        Assert.True(stored.KeepInformed);
        Assert.NotNull(stored.KeepInformedConsentedAt);
        Assert.Equal(SignatureState.Pending, stored.State);
        Assert.Null(stored.ConfirmedAt);
        Assert.Equal(0, await fixture.PublicCountAsync());
    }

    [Fact]
    public async Task A_name_in_any_script_is_stored_as_typed_in_its_composed_form()
    {
        var supporter = Supporter.New("Jose\u0301", "וליד דקה") with { Country = "FR" };

        await fixture.SignAndGetLinkAsync(supporter);

        var stored = Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        Assert.Equal("Jos\u00e9", stored.FirstName);
        Assert.Equal("וליד דקה", stored.LastName);
        Assert.False(stored.ShowNamePublicly);
        Assert.False(stored.KeepInformed);
        Assert.Null(stored.KeepInformedConsentedAt);
        Assert.Null(stored.Postcode);
    }

    [Fact]
    public async Task Opening_the_form_address_directly_leads_to_the_form()
    {
        using var response = await fixture.NewSupporter().Http.GetAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}/signatures");

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found);
        Assert.Equal($"/petitions/{PetitionSiteFactory.PetitionSlug}#sign", response.Headers.Location?.OriginalString);
    }
}
