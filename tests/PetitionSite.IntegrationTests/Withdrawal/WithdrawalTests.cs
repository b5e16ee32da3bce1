using System.Net;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Admin.Audit;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Withdrawal;

// Every email about a signature carries a link that withdraws it: opening the link shows a button, pressing it deletes the signature.
public sealed class WithdrawalTests(WithdrawalTests.LoggedSiteFixture fixture) : IClassFixture<WithdrawalTests.LoggedSiteFixture>
{
    private const string Slug = PetitionSiteFactory.PetitionSlug;

    [Fact]
    public async Task Withdrawing_a_confirmed_signature_deletes_it_and_takes_it_out_of_every_count()
    {
        var supporter = Supporter.New("Wilhelmina", "Zwartkop") with { Source = "newsletter" };
        var client = fixture.NewSupporter();
        var before = await fixture.PublicCountAsync();
        var countersBefore = await CountersAsync();
        using (var signed = await client.SignAsync(supporter))
        {
            Assert.Equal(HttpStatusCode.SeeOther, signed.StatusCode);
        }

        var email = await fixture.Smtp.WaitForMessageToAsync(supporter.Email);
        using (var confirmed = await client.ConfirmAsync(PetitionSiteFactory.ConfirmationLinkIn(email)))
        {
            Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        }

        Assert.Equal(before + 1, await fixture.PublicCountAsync());
        var signature = Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        var link = PetitionSiteFactory.WithdrawalLinkIn(email);
        Assert.StartsWith("http://petitions.test/signatures/withdraw/", link, StringComparison.Ordinal);
        Assert.Contains(link, email.HtmlBody, StringComparison.Ordinal);

        var page = await client.OpenAsync(link);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Withdraw your signature", page.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains("Free Walid Daqqah!", page.Document.QuerySelector("main strong")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("it will no longer be counted", page.Text, StringComparison.Ordinal);
        Assert.Equal("Withdraw my signature", page.Document.QuerySelector("main form button")?.TextContent);
        Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        Assert.Equal(before + 1, await fixture.PublicCountAsync());

        using var withdrawn = await client.SendWithdrawalAsync(link, page.FormToken);

        Assert.Equal(HttpStatusCode.SeeOther, withdrawn.StatusCode);
        Assert.Equal("/signatures/withdrawn", withdrawn.Headers.Location?.OriginalString);
        var done = await client.OpenAsync("/signatures/withdrawn");
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal("Your signature was withdrawn", done.Document.QuerySelector("h1")?.TextContent);
        Assert.Empty(await fixture.SignaturesFromAsync(supporter.Email));
        Assert.Equal(before, await fixture.PublicCountAsync());
        Assert.Equal(before.ToString(System.Globalization.CultureInfo.InvariantCulture), (await client.OpenAsync($"/petitions/{Slug}")).Document.QuerySelector("progress")?.GetAttribute("value"));
        Assert.Equal(countersBefore, await CountersAsync());
        Assert.Equal((0, 0, 0), await LeftOverOfAsync(signature.Id));

        var audit = await LatestWithdrawalAsync();
        Assert.Null(audit.Actor);
        Assert.Equal(Slug, audit.PetitionSlug);
        Assert.Contains("count went down by one", audit.Details, StringComparison.Ordinal);
        foreach (var personal in new[] { supporter.Email, supporter.FirstName, supporter.LastName, $"{signature.Id}", supporter.Country, supporter.Source! })
        {
            Assert.DoesNotContain(personal, audit.Details, StringComparison.OrdinalIgnoreCase);
        }

        // A second press, or the link opened again, says plainly that there is nothing left, and changes nothing.
        using var again = await client.SendWithdrawalAsync(link, page.FormToken);
        var againPage = await WebPage.ReadAsync(again);
        Assert.Equal(HttpStatusCode.NotFound, againPage.Status);
        Assert.Equal("There is no signature to withdraw", againPage.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.OpenAsync(link)).Status);
        Assert.Equal(before, await fixture.PublicCountAsync());
        Assert.Single(await fixture.Site.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.SignatureWithdrawn && e.At >= audit.At).ToListAsync()));

        // Nothing the site logged on the way holds the address or the link's secret.
        var token = link[(link.LastIndexOf('/') + 1)..];
        Assert.Contains(fixture.Site.Logs.Mentioning($"/signatures/withdraw/{token[..4]}…"), line => line.Contains("responded 303", StringComparison.Ordinal));
        Assert.Empty(fixture.Site.Logs.Mentioning(token));
        Assert.Empty(fixture.Site.Logs.Mentioning(token[..12]));
        Assert.Empty(fixture.Site.Logs.Mentioning(supporter.Email));
    }

    [Fact]
    public async Task Withdrawing_an_unconfirmed_signature_deletes_it_and_leaves_the_count_alone()
    {
        var supporter = Supporter.New();
        var client = fixture.NewSupporter();
        var confirmationLink = await fixture.SignAndGetLinkAsync(supporter, client);
        var email = fixture.Smtp.MessagesTo(supporter.Email).Single();
        var signature = Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        var before = await fixture.PublicCountAsync();

        var page = await client.OpenAsync(PetitionSiteFactory.WithdrawalLinkIn(email));
        Assert.DoesNotContain("no longer be counted", page.Text, StringComparison.Ordinal);
        using var withdrawn = await client.WithdrawAsync(PetitionSiteFactory.WithdrawalLinkIn(email));

        Assert.Equal(HttpStatusCode.SeeOther, withdrawn.StatusCode);
        Assert.Empty(await fixture.SignaturesFromAsync(supporter.Email));
        Assert.Equal(before, await fixture.PublicCountAsync());
        Assert.Equal((0, 0, 0), await LeftOverOfAsync(signature.Id));
        Assert.Contains("did not change", (await LatestWithdrawalAsync()).Details, StringComparison.Ordinal);
        // The confirmation link went with the signature: it can no longer add it back.
        Assert.Equal(HttpStatusCode.NotFound, (await client.OpenAsync(confirmationLink)).Status);
    }

    [Fact]
    public async Task The_already_signed_email_carries_a_withdrawal_link_too()
    {
        var supporter = Supporter.New();
        var client = fixture.NewSupporter();
        using (await client.ConfirmAsync(await fixture.SignAndGetLinkAsync(supporter, client)))
        {
        }

        using (var signedAgain = await client.SignAsync(supporter))
        {
            Assert.Equal(HttpStatusCode.SeeOther, signedAgain.StatusCode);
        }

        var alreadySigned = (await fixture.Smtp.WaitForMessagesToAsync(supporter.Email, 2))[1];
        Assert.StartsWith("You have already signed", alreadySigned.Subject, StringComparison.Ordinal);
        var before = await fixture.PublicCountAsync();

        using var withdrawn = await client.WithdrawAsync(PetitionSiteFactory.WithdrawalLinkIn(alreadySigned));

        Assert.Equal(HttpStatusCode.SeeOther, withdrawn.StatusCode);
        Assert.Empty(await fixture.SignaturesFromAsync(supporter.Email));
        Assert.Equal(before - 1, await fixture.PublicCountAsync());
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("%E2%80%AE%00")]
    public async Task A_link_the_site_never_sent_gets_a_clear_page_not_an_error(string token)
    {
        var client = fixture.NewSupporter();
        var formToken = (await client.OpenAsync($"/petitions/{Slug}")).FormToken;

        var opened = await client.OpenAsync($"/signatures/withdraw/{token}");
        using var pressed = await client.SendWithdrawalAsync($"/signatures/withdraw/{token}", formToken);

        Assert.Equal(HttpStatusCode.NotFound, opened.Status);
        Assert.Equal("There is no signature to withdraw", opened.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, pressed.StatusCode);
    }

    [Fact]
    public async Task A_press_without_a_valid_form_token_withdraws_nothing_and_offers_the_button_again()
    {
        var supporter = Supporter.New();
        var client = fixture.NewSupporter();
        await fixture.SignAndGetLinkAsync(supporter, client);
        var link = PetitionSiteFactory.WithdrawalLinkIn(fixture.Smtp.MessagesTo(supporter.Email).Single());
        await client.OpenAsync(link);

        using var pressed = await client.SendWithdrawalAsync(link, "stale");
        var page = await WebPage.ReadAsync(pressed);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("This page had expired", page.Text, StringComparison.Ordinal);
        Assert.Equal("Withdraw my signature", page.Document.QuerySelector("main form button")?.TextContent);
        Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
    }

    // What is left behind of a signature: its confirmation links, its withdrawal links and its emails.
    private Task<(int, int, int)> LeftOverOfAsync(long signatureId) =>
        fixture.Site.QueryAsync(async db => (
            await db.ConfirmationTokens.CountAsync(t => t.SignatureId == signatureId),
            await db.WithdrawalTokens.CountAsync(t => t.SignatureId == signatureId),
            await db.OutboxMessages.CountAsync(m => m.SignatureId == signatureId)));

    private Task<AuditEntry> LatestWithdrawalAsync() =>
        fixture.Site.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.SignatureWithdrawn).OrderByDescending(e => e.Id).FirstAsync());

    // The dashboard's counters (by hour, country and source); a counter back at zero is as good as none.
    private Task<List<string>> CountersAsync() =>
        fixture.Site.QueryAsync(db => db.SignatureCounters
            .Where(c => c.PetitionId == db.Petitions.Single(p => p.Slug == Slug).Id && c.Count != 0)
            .OrderBy(c => c.Kind).ThenBy(c => c.Key)
            .Select(c => c.Kind + " " + c.Key + " " + c.Count)
            .ToListAsync());

    // Logs at the level of a production site with every request line on, its own and ASP.NET Core's, so every line a
    // request writes is seen.
    public sealed class LoggedSiteFixture : SiteFixture
    {
        protected override PetitionSiteFactory CreateSite(TestSmtpServer smtp) => new(smtp, new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Information",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Information",
            ["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Debug",
        });
    }
}
