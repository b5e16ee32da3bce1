using System.Net;
using PetitionSite.Signing;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Signing;

// One signature per address and petition; the page never tells whether an address had signed before, only its mailbox does.
public sealed class DuplicateSignatureTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Signing_again_before_confirming_keeps_one_signature_and_sends_a_fresh_link()
    {
        var supporter = Supporter.New();
        var client = fixture.NewSupporter();
        using var first = await client.SignAsync(supporter);
        var firstLink = PetitionSiteFactory.ConfirmationLinkIn(await fixture.Smtp.WaitForMessageToAsync(supporter.Email));

        using var second = await client.SignAsync(supporter with { FirstName = "Augusta", Email = $"  {supporter.Email.ToUpperInvariant()} " });

        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        var emails = await fixture.Smtp.WaitForMessagesToAsync(supporter.Email, 2);
        Assert.StartsWith("Please confirm your signature", emails[1].Subject, StringComparison.Ordinal);
        var secondLink = PetitionSiteFactory.ConfirmationLinkIn(emails[1]);
        Assert.NotEqual(firstLink, secondLink);
        var stored = Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        Assert.Equal("Ada", stored.FirstName);
        Assert.Equal(SignatureState.Pending, stored.State);

        var countBefore = await fixture.PublicCountAsync();
        using var confirmed = await client.ConfirmAsync(secondLink);
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        var firstLinkPage = await client.OpenAsync(firstLink);
        Assert.Equal(HttpStatusCode.OK, firstLinkPage.Status);
        Assert.Equal("Already confirmed", firstLinkPage.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal(countBefore + 1, await fixture.PublicCountAsync());
    }

    [Fact]
    public async Task Signing_again_after_confirming_changes_nothing_and_says_so_by_email()
    {
        var supporter = Supporter.New();
        var client = fixture.NewSupporter();
        using var first = await client.SignAsync(supporter);
        using var confirmed = await client.ConfirmAsync(PetitionSiteFactory.ConfirmationLinkIn(await fixture.Smtp.WaitForMessageToAsync(supporter.Email)));
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        var countBefore = await fixture.PublicCountAsync();

        using var again = await fixture.NewSupporter().SignAsync(supporter with { Email = supporter.Email.Replace("supporter", "SUPPORTER", StringComparison.Ordinal) });

        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        var emails = await fixture.Smtp.WaitForMessagesToAsync(supporter.Email, 2);
        Assert.StartsWith("You have already signed", emails[1].Subject, StringComparison.Ordinal);
        Assert.Contains("already signed", emails[1].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/signatures/confirm/", emails[1].TextBody, StringComparison.Ordinal);
        var stored = Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        Assert.Equal(SignatureState.Validated, stored.State);
        Assert.Equal(countBefore, await fixture.PublicCountAsync());
    }

    [Fact]
    public async Task Twenty_identical_signatures_sent_at_once_are_stored_once()
    {
        var supporter = Supporter.New();
        var client = fixture.NewSupporter();
        var token = (await client.OpenAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}")).FormToken;
        List<KeyValuePair<string, string>> fields = [.. supporter.FormFields(), new("__form", token)];

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.SendSignatureFormAsync(fields, withFormToken: false)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location).Distinct());
        Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
