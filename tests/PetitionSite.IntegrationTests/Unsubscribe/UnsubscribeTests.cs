using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Unsubscribe;

// A signer who asked to be kept informed can stop it from the email: their mail client's own button (RFC 8058
// one-click) or the link in the email, which shows a button first. The signature stays counted either way.
public sealed class UnsubscribeTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task A_signer_who_asked_to_be_kept_informed_gets_a_one_click_unsubscribe()
    {
        var (_, email) = await SignKeepingInformedAsync();

        var link = UnsubscribeLinkIn(email);
        Assert.StartsWith("http://petitions.test/signatures/unsubscribe/", link, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers[HeaderId.ListUnsubscribePost]);
        Assert.Contains(link, email.TextBody, StringComparison.Ordinal);
        Assert.Contains(link, email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mail_clients_one_click_post_stops_the_emails_and_keeps_the_signature()
    {
        var (supporter, email) = await SignKeepingInformedAsync();
        await fixture.NewSupporter().ConfirmAsync(PetitionSiteFactory.ConfirmationLinkIn(email));

        // As a mail provider sends it: multipart/form-data, no cookie, no form token.
        using var body = new MultipartFormDataContent { { new StringContent("One-Click"), "List-Unsubscribe" } };
        using var response = await CookielessClient().PostAsync(PathOf(UnsubscribeLinkIn(email)), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var signature = Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        Assert.False(signature.KeepInformed);
        Assert.Null(signature.KeepInformedConsentedAt);
        Assert.NotNull(signature.ConfirmedAt);
    }

    [Fact]
    public async Task A_url_encoded_one_click_post_is_understood_too_and_a_second_changes_nothing()
    {
        var (supporter, email) = await SignKeepingInformedAsync();
        var path = PathOf(UnsubscribeLinkIn(email));

        using var first = await CookielessClient().PostAsync(path, OneClick());
        using var second = await CookielessClient().PostAsync(path, OneClick());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(Assert.Single(await fixture.SignaturesFromAsync(supporter.Email)).KeepInformed);
    }

    [Fact]
    public async Task Opening_the_link_only_shows_a_button_and_pressing_it_stops_the_emails()
    {
        var (supporter, email) = await SignKeepingInformedAsync();
        var client = fixture.NewSupporter();
        var path = PathOf(UnsubscribeLinkIn(email));

        var page = await client.OpenAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(Assert.Single(await fixture.SignaturesFromAsync(supporter.Email)).KeepInformed);

        var form = page.Document.QuerySelector("form[method=post]")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!));
        using var pressed = await client.Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Contains("no more emails", (await WebPage.ReadAsync(pressed)).Text, StringComparison.Ordinal);
        Assert.False(Assert.Single(await fixture.SignaturesFromAsync(supporter.Email)).KeepInformed);
    }

    [Fact]
    public async Task A_post_without_one_click_changes_nothing()
    {
        var (supporter, email) = await SignKeepingInformedAsync();

        using var response = await CookielessClient().PostAsync(PathOf(UnsubscribeLinkIn(email)), new FormUrlEncodedContent([new("List-Unsubscribe", "yes")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(Assert.Single(await fixture.SignaturesFromAsync(supporter.Email)).KeepInformed);
    }

    [Theory]
    [InlineData("/signatures/unsubscribe/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/signatures/unsubscribe/not-base64-%E2%9C%93")]
    [InlineData("/signatures/unsubscribe/x")]
    public async Task A_made_up_link_is_refused(string path)
    {
        using var post = await CookielessClient().PostAsync(path, OneClick());
        using var get = await CookielessClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task A_link_altered_to_name_another_signature_is_refused()
    {
        var (_, email) = await SignKeepingInformedAsync();
        var path = PathOf(UnsubscribeLinkIn(email));
        var altered = path[..^6] + (path[^6] == 'A' ? 'B' : 'A') + path[^5..];

        using var response = await CookielessClient().PostAsync(altered, OneClick());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await fixture.Site.QueryAsync(db => db.Signatures.CountAsync(s => s.KeepInformed == false && s.Email == "nobody")));
    }

    private async Task<(Supporter Supporter, MimeMessage Email)> SignKeepingInformedAsync()
    {
        var supporter = Supporter.New() with { KeepInformed = true };
        await fixture.SignAndGetLinkAsync(supporter);
        return (supporter, await fixture.Smtp.WaitForMessageToAsync(supporter.Email));
    }

    // Like a mail provider's request: no cookie from any earlier visit.
    private HttpClient CookielessClient() => fixture.Site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = PetitionSiteFactory.SecureAddress });

    private static FormUrlEncodedContent OneClick() => new([new("List-Unsubscribe", "One-Click")]);

    private static string UnsubscribeLinkIn(MimeMessage email) => email.Headers[HeaderId.ListUnsubscribe]?.Trim().TrimStart('<').TrimEnd('>')
        ?? throw new InvalidOperationException("The email has no List-Unsubscribe header.");

    private static string PathOf(string link) => new Uri(link).PathAndQuery;
}
