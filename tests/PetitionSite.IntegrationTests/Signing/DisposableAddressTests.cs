using System.Net;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Signing;

// Addresses at throwaway-mailbox services are refused beside the email field, from the shipped list and the configured one.
public sealed class DisposableAddressTests(DisposableAddressTests.Site fixture) : IClassFixture<DisposableAddressTests.Site>
{
    private const string Refused = "Enter your own email address: addresses from disposable email services are not accepted";

    public sealed class Site : SiteFixture
    {
        protected override PetitionSiteFactory CreateSite(TestSmtpServer smtp) => new(smtp, new Dictionary<string, string?>
        {
            ["Signing:DisposableDomains:Extra:0"] = "throwaway.example",
            ["Signing:DisposableDomains:Allowed:0"] = "yopmail.com",
        });
    }

    [Theory]
    [InlineData("mailinator.com")]
    [InlineData("inbox.mailinator.com")]
    [InlineData("GuerrillaMail.com")]
    [InlineData("throwaway.example")]
    [InlineData("deep.throwaway.example")]
    public async Task A_disposable_address_is_refused_beside_the_email_field_with_the_input_kept(string domain)
    {
        var supporter = new Supporter("Ada", "Lovelace", $"ada-{Guid.NewGuid():N}@{domain}", "GB", "SW1A 1AA", ShowNamePublicly: true);
        var storedBefore = await fixture.StoredSignaturesAsync();

        using var response = await fixture.NewSupporter().SignAsync(supporter);
        var page = await WebPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Equal(Refused, Assert.Single(page.Document.QuerySelectorAll(".error-summary a")).TextContent);
        Assert.Equal($"Error: {Refused}", WebPage.Normalize(page.Document.QuerySelector("#Form_Email-error")?.TextContent));
        Assert.Equal("true", page.Document.QuerySelector("#Form_Email")?.GetAttribute("aria-invalid"));
        Assert.Equal(
            [supporter.FirstName, supporter.LastName, supporter.Email, supporter.Country, supporter.Postcode],
            [page.ValueOf("#Form_FirstName"), page.ValueOf("#Form_LastName"), page.ValueOf("#Form_Email"), page.ValueOf("#Form_Country"), page.ValueOf("#Form_Postcode")]);
        Assert.NotNull(page.Document.QuerySelector("#Form_ShowNamePublicly")?.GetAttribute("checked"));
        Assert.Equal(storedBefore, await fixture.StoredSignaturesAsync());
        await fixture.AssertNoEmailToAsync(supporter.Email);
    }

    [Fact]
    public async Task A_listed_domain_the_site_allows_can_sign()
    {
        var supporter = Supporter.New() with { Email = $"ada-{Guid.NewGuid():N}@yopmail.com" };

        await fixture.SignAndGetLinkAsync(supporter);

        Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
    }
}
