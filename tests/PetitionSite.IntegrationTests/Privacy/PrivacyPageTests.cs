using System.Net;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Privacy;

// /privacy states the periods the site is set to, not the defaults, and every public page leads to it.
public sealed class PrivacyPageTests(PrivacyPageTests.ConfiguredSiteFixture fixture) : IClassFixture<PrivacyPageTests.ConfiguredSiteFixture>
{
    [Fact]
    public async Task The_privacy_page_states_the_configured_periods_and_contact()
    {
        var page = await fixture.NewSupporter().OpenAsync("/privacy");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Privacy: what we keep and for how long", page.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains("at most 180 days after the petition closes", page.Text, StringComparison.Ordinal);
        Assert.Contains("A signature you never confirm: deleted 21 days after you sign", page.Text, StringComparison.Ordinal);
        Assert.Contains("The internet address you signed from: deleted 45 days after you sign", page.Text, StringComparison.Ordinal);
        Assert.Contains("The link to confirm works for 3 days", page.Text, StringComparison.Ordinal);
        Assert.Contains("the fingerprint is deleted 2 days later", page.Text, StringComparison.Ordinal);
        Assert.Contains("when it was sent, for 10 days", page.Text, StringComparison.Ordinal);
        Assert.Contains("with the address in it shortened, for 60 days", page.Text, StringComparison.Ordinal);
        Assert.Contains("who did what, without signers' details, for 2 years", page.Text, StringComparison.Ordinal);
        Assert.Contains("it deletes what is due every 6 hours", page.Text, StringComparison.Ordinal);
        Assert.Contains("This site is run by The Library Campaign", page.Text, StringComparison.Ordinal);
        Assert.Equal("mailto:privacy@library.example.org", page.Document.QuerySelector("main a[href^='mailto:']")?.GetAttribute("href"));
        Assert.NotNull(page.Document.QuerySelector("#withdraw"));
    }

    [Fact]
    public async Task The_privacy_page_is_small_cached_and_sets_no_cookie()
    {
        var client = fixture.NewSupporter();
        using var first = await client.Http.GetAsync("/privacy", TestContext.Current.CancellationToken);
        var html = await first.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var css = await client.Http.GetByteArrayAsync("/css/site.css", TestContext.Current.CancellationToken);
        using var second = await fixture.NewSupporter().Http.GetAsync("/privacy", TestContext.Current.CancellationToken);

        Assert.True(html.Length + css.Length < 30_000, $"/privacy weighs {html.Length + css.Length:N0} bytes with its stylesheet, uncompressed.");
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.True(second.Headers.Age is not null, "The second visit was not served from the page cache.");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/petitions/" + PetitionSiteFactory.PetitionSlug)]
    [InlineData("/privacy")]
    [InlineData("/signatures/withdrawn")]
    [InlineData("/petitions/no-such-petition")]
    public async Task Every_public_page_links_to_the_privacy_page_from_its_footer(string path)
    {
        var page = await fixture.NewSupporter().OpenAsync(path);

        Assert.NotNull(page.Document.QuerySelector("footer a[href='/privacy']"));
    }

    [Fact]
    public async Task The_signature_form_links_to_the_privacy_page_beside_its_button()
    {
        var page = await fixture.NewSupporter().OpenAsync("/petitions/" + PetitionSiteFactory.PetitionSlug);

        var button = page.Document.QuerySelector("form.signature-form button[type=submit]");
        Assert.NotNull(button);
        Assert.Equal("/privacy", button.NextElementSibling?.QuerySelector("a")?.GetAttribute("href"));
    }

    public sealed class ConfiguredSiteFixture : SiteFixture
    {
        protected override PetitionSiteFactory CreateSite(TestSmtpServer smtp) => new(smtp, new Dictionary<string, string?>
        {
            ["Privacy:UnconfirmedSignatureDays"] = "21",
            ["Privacy:ClientAddressDays"] = "45",
            ["Privacy:AnonymiseAfterCloseDays"] = "180",
            ["Privacy:SpentLinkDays"] = "2",
            ["Privacy:SentEmailDays"] = "10",
            ["Privacy:FailedEmailDays"] = "60",
            ["Privacy:AuditDays"] = "730",
            ["Privacy:RetentionInterval"] = "06:00:00",
            ["Site:ConfirmationLinkLifetime"] = "3.00:00:00",
            ["Site:Operator"] = "The Library Campaign",
            ["Site:ContactEmail"] = "privacy@library.example.org",
        });
    }
}
