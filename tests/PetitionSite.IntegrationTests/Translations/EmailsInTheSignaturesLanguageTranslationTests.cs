using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using PetitionSite.IntegrationTests.Admin;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Translations;

// A signature records the language of the page it was made on, and every email about it is written in that language,
// names the petition as translated into it, and links to pages in it.
public sealed partial class EmailsInTheSignaturesLanguageTranslationTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const string Slug = PetitionSiteFactory.PetitionSlug;
    private const string Site = "http://petitions.test";

    [Fact]
    public async Task Signing_in_arabic_stores_arabic_and_the_email_arrives_in_arabic_with_arabic_links()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = await admin.CreateOpenPetitionAsync();
        using var translated = await admin.PostFormAsync($"/admin/petitions/{slug}/translations/ar",
            [new("Title", "أبقوا المكتبة مفتوحة"), new("Summary", "يجب أن تبقى المكتبة مفتوحة يوم السبت."), new("BodyMarkdown", "المكتبة مكان القراءة.")]);
        Assert.Equal(HttpStatusCode.SeeOther, translated.StatusCode);
        var supporter = Supporter.New("وليد", "دقة") with { KeepInformed = true };

        await SignAsync("ar", supporter, slug);

        Assert.Equal("ar", Assert.Single(await fixture.SignaturesFromAsync(supporter.Email)).Language);
        var email = await fixture.Smtp.WaitForMessageToAsync(supporter.Email);
        Assert.Equal("يرجى تأكيد توقيعك: أبقوا المكتبة مفتوحة", email.Subject);
        Assert.Contains("مرحبًا وليد،", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("شكرًا لتوقيعك على «أبقوا المكتبة مفتوحة».", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("مدة صلاحية الرابط بالأيام: ٧.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", email.HtmlBody, StringComparison.Ordinal);
        var links = LinksIn(email.TextBody);
        Assert.Equal(3, links.Count);
        Assert.All(links, link => Assert.StartsWith(Site + "/ar/", link, StringComparison.Ordinal));
        Assert.StartsWith("<" + Site + "/ar/signatures/unsubscribe/", email.Headers[HeaderId.ListUnsubscribe], StringComparison.Ordinal);
        // Arabic went over the wire 7-bit clean, and came out of it whole.
        Assert.All(fixture.Smtp.RawOf(email), octet => Assert.True(octet < 0x80));

        var confirmPage = await fixture.NewSupporter().OpenAsync(new Uri(PetitionSiteFactory.ConfirmationLinkIn(email)).PathAndQuery);
        Assert.Equal("ar", confirmPage.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("أبقوا المكتبة مفتوحة", confirmPage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_french_sends_a_french_email_whose_link_opens_the_french_thanks_page()
    {
        var supporter = Supporter.New("Anne", "Roussel");
        var client = fixture.NewSupporter();

        await SignAsync("fr", supporter, client: client);

        Assert.Equal("fr", Assert.Single(await fixture.SignaturesFromAsync(supporter.Email)).Language);
        var email = await fixture.Smtp.WaitForMessageToAsync(supporter.Email);
        Assert.Equal("Veuillez confirmer votre signature : Free Walid Daqqah!", email.Subject);
        Assert.Contains("Bonjour Anne,", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Le lien est valable 7 jours.", email.TextBody, StringComparison.Ordinal);
        Assert.All(LinksIn(email.TextBody), link => Assert.StartsWith(Site + "/fr/", link, StringComparison.Ordinal));

        using var confirmed = await client.ConfirmAsync(PetitionSiteFactory.ConfirmationLinkIn(email));
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        Assert.Equal($"/fr/petitions/{Slug}/thanks", confirmed.Headers.Location?.OriginalString);
        var thanks = await client.OpenAsync(confirmed.Headers.Location!.OriginalString);
        Assert.Equal("fr", thanks.Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Signing_again_from_a_french_page_says_already_signed_in_french()
    {
        var supporter = Supporter.New();
        var client = fixture.NewSupporter();
        await SignAsync("en", supporter, client: client);
        using var confirmed = await client.ConfirmAsync(PetitionSiteFactory.ConfirmationLinkIn(await fixture.Smtp.WaitForMessageToAsync(supporter.Email)));

        await SignAsync("fr", supporter);

        var told = (await fixture.Smtp.WaitForMessagesToAsync(supporter.Email, 2))[1];
        Assert.Equal("Vous avez déjà signé : Free Walid Daqqah!", told.Subject);
        Assert.Contains("Quelqu’un, sans doute vous, a de nouveau tenté de signer", told.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{Site}/fr/petitions/{Slug}", told.TextBody, StringComparison.Ordinal);
        // The signature keeps the language it was made in.
        Assert.Equal("en", Assert.Single(await fixture.SignaturesFromAsync(supporter.Email)).Language);
    }

    [Fact]
    public async Task A_signature_made_in_english_gets_the_english_email_with_plain_links()
    {
        var supporter = Supporter.New() with { KeepInformed = true };

        using var response = await fixture.NewSupporter().SignAsync(supporter);

        Assert.Equal("en", Assert.Single(await fixture.SignaturesFromAsync(supporter.Email)).Language);
        var email = await fixture.Smtp.WaitForMessageToAsync(supporter.Email);
        Assert.Equal("Please confirm your signature: Free Walid Daqqah!", email.Subject);
        Assert.Contains("Dear Ada,", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("The link works for 7 days.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Withdraw my signature", email.TextBody, StringComparison.Ordinal);
        var links = LinksIn(email.TextBody);
        Assert.Equal(3, links.Count);
        Assert.All(links, link => Assert.Matches(@"^http://petitions\.test/signatures/(confirm|withdraw|unsubscribe)/", link));
    }

    private async Task SignAsync(string language, Supporter supporter, string slug = Slug, SupporterClient? client = null)
    {
        client ??= fixture.NewSupporter();
        var formPage = await client.OpenAsync($"/{language}/petitions/{slug}");
        var fields = supporter.FormFields();
        fields.Add(new("__form", formPage.FormToken));
        using var response = await client.Http.PostAsync($"/{language}/petitions/{slug}/signatures", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    private static List<string> LinksIn(string? text) => [.. Link().Matches(text ?? "").Select(m => m.Value)];

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex Link();
}
