using System.Net;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Signing;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Confirmation;

public sealed class ConfirmTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Signing_and_confirming_by_email_adds_one_to_every_count_shown()
    {
        var supporter = Supporter.New("وليد", "دقة");
        var client = fixture.NewSupporter();
        var before = (await client.CountAsync()).Signatures;

        using var signed = await client.SignAsync(supporter);
        var email = await fixture.Smtp.WaitForMessageToAsync(supporter.Email);

        Assert.Equal(HttpStatusCode.SeeOther, signed.StatusCode);
        Assert.Equal("Please confirm your signature: Free Walid Daqqah!", email.Subject);
        Assert.Equal("وليد دقة", Assert.Single(email.To.Mailboxes).Name);
        Assert.Equal("no-reply@petitions.test", Assert.Single(email.From.Mailboxes).Address);
        var link = PetitionSiteFactory.ConfirmationLinkIn(email);
        Assert.StartsWith("http://petitions.test/signatures/confirm/", link, StringComparison.Ordinal);
        Assert.Contains(link, email.HtmlBody, StringComparison.Ordinal);

        var confirmPage = await client.OpenAsync(link);
        Assert.Equal(HttpStatusCode.OK, confirmPage.Status);
        Assert.Contains("Free Walid Daqqah!", confirmPage.Document.QuerySelector("main strong")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Confirm my signature", confirmPage.Document.QuerySelector("main form button")?.TextContent);
        Assert.Equal(before, (await client.CountAsync()).Signatures);

        using var confirmed = await client.ConfirmAsync(link);
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        Assert.Equal($"/petitions/{PetitionSiteFactory.PetitionSlug}/thanks", confirmed.Headers.Location?.OriginalString);

        var after = before + 1;
        Assert.Equal(after, (await client.CountAsync()).Signatures);
        var thanks = await client.OpenAsync(confirmed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, thanks.Status);
        Assert.Equal("Thank you: your signature is confirmed", thanks.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains($"Free Walid Daqqah! now has {after} confirmed {(after == 1 ? "signature" : "signatures")} of 10,000 needed.", thanks.Text, StringComparison.Ordinal);
        var petition = await client.OpenAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}");
        Assert.Equal($"{after}", petition.Document.QuerySelector("progress")?.GetAttribute("value"));
        var list = await client.OpenAsync("/");
        Assert.StartsWith($"{after} ", WebPage.Normalize(list.Document.QuerySelector(".petition-list .count")?.TextContent), StringComparison.Ordinal);
        var stored = Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        Assert.Equal(SignatureState.Validated, stored.State);
        Assert.NotNull(stored.ConfirmedAt);
    }

    [Fact]
    public async Task Opening_the_link_never_confirms()
    {
        var supporter = Supporter.New();
        var link = await fixture.SignAndGetLinkAsync(supporter);
        var client = fixture.NewSupporter();
        var before = (await client.CountAsync()).Signatures;

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.OpenAsync(link)).Status);
        }

        Assert.Equal(before, (await client.CountAsync()).Signatures);
        Assert.Equal(SignatureState.Pending, Assert.Single(await fixture.SignaturesFromAsync(supporter.Email)).State);
    }

    [Fact]
    public async Task Confirming_twice_counts_once()
    {
        var link = await fixture.SignAndGetLinkAsync(Supporter.New());
        var client = fixture.NewSupporter();
        var before = (await client.CountAsync()).Signatures;

        var token = (await client.OpenAsync(link)).FormToken;
        using var first = await client.SendConfirmationAsync(link, token);
        using var second = await client.SendConfirmationAsync(link, token);
        var secondPage = await WebPage.ReadAsync(second);
        var again = await client.OpenAsync(link);

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("Already confirmed", again.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal(HttpStatusCode.OK, secondPage.Status);
        Assert.Equal("Already confirmed", secondPage.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal(before + 1, (await client.CountAsync()).Signatures);
    }

    [Fact]
    public async Task Pressing_the_button_with_the_same_link_many_times_at_once_counts_once()
    {
        var link = await fixture.SignAndGetLinkAsync(Supporter.New());
        var client = fixture.NewSupporter();
        var token = (await client.OpenAsync(link)).FormToken;
        var before = (await client.CountAsync()).Signatures;

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.SendConfirmationAsync(link, token)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.SeeOther);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.SeeOther, HttpStatusCode.OK }));
        Assert.Equal(before + 1, (await client.CountAsync()).Signatures);
        await AssertCountMatchesConfirmedSignaturesAsync();
        DisposeAll(responses);
    }

    [Fact]
    public async Task Many_supporters_confirming_at_once_are_all_counted_and_the_count_never_drifts()
    {
        var supporters = Enumerable.Range(0, 20).Select(i => Supporter.New($"Supporter {i}")).ToList();
        var links = await Task.WhenAll(supporters.Select(s => fixture.SignAndGetLinkAsync(s)));
        var client = fixture.NewSupporter();
        var before = (await client.CountAsync()).Signatures;

        var responses = await Task.WhenAll(links.Select(link => fixture.NewSupporter().ConfirmAsync(link)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        Assert.Equal(before + 20, (await client.CountAsync()).Signatures);
        await AssertCountMatchesConfirmedSignaturesAsync();
        DisposeAll(responses);
    }

    [Fact]
    public async Task A_confirm_page_left_open_too_long_offers_the_button_again_and_counts_nothing()
    {
        var link = await fixture.SignAndGetLinkAsync(Supporter.New());
        var client = fixture.NewSupporter();
        var before = await StoredCountAsync();

        using var stale = await client.SendConfirmationAsync(link, "CfDJ8stale-token");
        var page = await WebPage.ReadAsync(stale);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("This page had expired. Please press the button again.", page.Text, StringComparison.Ordinal);
        Assert.Equal("Confirm my signature", page.Document.QuerySelector("main form button")?.TextContent);
        Assert.Equal(before, await StoredCountAsync());
        using var pressedAgain = await client.SendConfirmationAsync(link, page.FormToken);
        Assert.Equal(HttpStatusCode.SeeOther, pressedAgain.StatusCode);
    }

    // The count as stored; the public copies may lag it by up to a second (CountRefresh).
    private Task<int> StoredCountAsync() =>
        fixture.Site.QueryAsync(db => db.Petitions.Where(p => p.Slug == PetitionSiteFactory.PetitionSlug).Select(p => p.SignatureCount).SingleAsync());

    // Read in one statement, so no confirmation can land between the two numbers.
    private async Task AssertCountMatchesConfirmedSignaturesAsync()
    {
        var counts = await fixture.Site.QueryAsync(db => db.Petitions
            .Where(p => p.Slug == PetitionSiteFactory.PetitionSlug)
            .Select(p => new { Shown = p.SignatureCount, Confirmed = db.Signatures.Count(s => s.PetitionId == p.Id && s.State == SignatureState.Validated) })
            .SingleAsync());

        Assert.Equal(counts.Confirmed, counts.Shown);
    }

    private static void DisposeAll(IEnumerable<HttpResponseMessage> responses)
    {
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
