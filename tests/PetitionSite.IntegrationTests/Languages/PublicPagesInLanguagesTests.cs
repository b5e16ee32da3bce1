using System.Net;
using MimeKit;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Languages;

// Past the signing journey: the privacy, withdrawal, unsubscribe, error, thanks and embed pages and the badge speak
// the language of their address too.
public sealed class PublicPagesInLanguagesTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const string Slug = PetitionSiteFactory.PetitionSlug;

    [Theory]
    [InlineData("fr", "ltr", "Confidentialité\u00a0: ce que nous conservons et combien de temps", "supprimée <strong>14 jours</strong> après votre signature")]
    [InlineData("ar", "rtl", "الخصوصية: ما نحتفظ به ولأي مدة", "يُحذف بعد <strong>١٤ يومًا</strong> من توقيعك")]
    public async Task The_privacy_page_is_in_the_language_with_its_periods_in_words_of_that_language(string language, string direction, string title, string unconfirmed)
    {
        var page = await fixture.NewSupporter().OpenAsync($"/{language}/privacy");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        AssertLanguage(page, language, direction);
        Assert.Equal(title, page.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains(unconfirmed, page.Document.QuerySelector("main")?.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(title, page.Document.QuerySelector("footer a[href$='/privacy']")?.TextContent);
        Assert.Equal($"/{language}/privacy", page.Document.QuerySelector("footer a[href$='/privacy']")?.GetAttribute("href"));
        Assert.NotNull(page.Document.QuerySelector("#withdraw"));
    }

    [Theory]
    [InlineData("fr", "Ce que nous conservons et combien de temps")]
    [InlineData("ar", "ما نحتفظ به ولأي مدة")]
    public async Task The_signature_forms_privacy_link_is_in_the_language(string language, string hint)
    {
        var page = await fixture.NewSupporter().OpenAsync($"/{language}/petitions/{Slug}");

        Assert.Equal(hint, page.Document.QuerySelector($"form.signature-form a[href='/{language}/privacy']")?.TextContent);
    }

    [Theory]
    [InlineData("fr", "ltr", "Retirer votre signature", "Retirer ma signature", "Votre signature a été retirée")]
    [InlineData("ar", "rtl", "سحب توقيعك", "اسحب توقيعي", "سُحب توقيعك")]
    public async Task Withdrawing_under_a_language_stays_in_it(string language, string direction, string title, string button, string done)
    {
        var supporter = Supporter.New();
        var client = fixture.NewSupporter();
        await fixture.SignAndGetLinkAsync(supporter, client);
        var email = await fixture.Smtp.WaitForMessageToAsync(supporter.Email);
        var link = $"/{language}" + new Uri(PetitionSiteFactory.WithdrawalLinkIn(email)).PathAndQuery;

        var page = await client.OpenAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        AssertLanguage(page, language, direction);
        Assert.Equal(title, page.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal(button, page.Document.QuerySelector("main form button")?.TextContent);
        Assert.StartsWith($"/{language}/signatures/withdraw/", page.Document.QuerySelector("main form")?.GetAttribute("action"), StringComparison.Ordinal);

        using var withdrawn = await client.SendWithdrawalAsync(link, page.FormToken);
        Assert.Equal(HttpStatusCode.SeeOther, withdrawn.StatusCode);
        Assert.Equal($"/{language}/signatures/withdrawn", withdrawn.Headers.Location?.OriginalString);
        var donePage = await client.OpenAsync(withdrawn.Headers.Location!.OriginalString);
        AssertLanguage(donePage, language, direction);
        Assert.Equal(done, donePage.Document.QuerySelector("h1")?.TextContent);
        Assert.Empty(await fixture.SignaturesFromAsync(supporter.Email));
    }

    [Theory]
    [InlineData("fr", "Il n’y a pas de signature à retirer", "Nous ne reconnaissons pas ce lien")]
    [InlineData("ar", "لا يوجد توقيع لسحبه", "لا نتعرَّف على هذا الرابط")]
    public async Task Unknown_withdrawal_and_unsubscribe_links_are_explained_in_the_language(string language, string noWithdrawal, string noUnsubscribe)
    {
        var withdrawal = await fixture.NewSupporter().OpenAsync($"/{language}/signatures/withdraw/not-a-real-token");
        var unsubscribe = await fixture.NewSupporter().OpenAsync($"/{language}/signatures/unsubscribe/not-a-real-token");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (withdrawal.Status, unsubscribe.Status));
        Assert.Equal(noWithdrawal, withdrawal.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal(noUnsubscribe, unsubscribe.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal(language, unsubscribe.Document.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("fr", "Ne plus recevoir d’e-mails sur cette campagne", "Vous ne recevrez plus d’e-mails sur cette campagne")]
    [InlineData("ar", "إيقاف الرسائل المتعلقة بهذه الحملة", "لن تصلك بعد الآن رسائل بشأن هذه الحملة")]
    public async Task Unsubscribing_under_a_language_stays_in_it(string language, string title, string done)
    {
        var supporter = Supporter.New() with { KeepInformed = true };
        await fixture.SignAndGetLinkAsync(supporter);
        var email = await fixture.Smtp.WaitForMessageToAsync(supporter.Email);
        var client = fixture.NewSupporter();

        var page = await client.OpenAsync($"/{language}" + new Uri(UnsubscribeLinkIn(email)).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(title, page.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal(title, page.Document.QuerySelector("main form button")?.TextContent);
        var form = page.Document.QuerySelector("main form")!;
        Assert.StartsWith($"/{language}/signatures/unsubscribe/", form.GetAttribute("action"), StringComparison.Ordinal);

        using var pressed = await client.Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        var donePage = await WebPage.ReadAsync(pressed);
        Assert.Equal(HttpStatusCode.OK, donePage.Status);
        Assert.Equal(done, donePage.Document.QuerySelector("h1")?.TextContent);
        Assert.False(Assert.Single(await fixture.SignaturesFromAsync(supporter.Email)).KeepInformed);
    }

    // A body the site will not read (415) and one it cannot read as a form (400): both refused with the page in the language.
    [Theory]
    [InlineData("fr", "application/json", HttpStatusCode.UnsupportedMediaType, "Cette demande n’a pas pu être traitée")]
    [InlineData("ar", "application/json", HttpStatusCode.UnsupportedMediaType, "تعذَّرت معالجة هذا الطلب")]
    [InlineData("fr", "application/x-www-form-urlencoded", HttpStatusCode.BadRequest, "Cette demande n’a pas pu être traitée")]
    [InlineData("ar", "application/x-www-form-urlencoded", HttpStatusCode.BadRequest, "تعذَّرت معالجة هذا الطلب")]
    public async Task A_refused_request_is_explained_in_the_language(string language, string contentType, HttpStatusCode status, string title)
    {
        var body = contentType == "application/json" ? "{}"u8.ToArray() : RandomBytes(64 * 1024);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new(contentType);
        using var response = await fixture.NewSupporter().Http.PostAsync($"/{language}/petitions/{Slug}/signatures", content, TestContext.Current.CancellationToken);
        var page = await WebPage.ReadAsync(response);

        Assert.Equal(status, page.Status);
        Assert.Equal(title, page.Document.QuerySelector("main h1")?.TextContent);
        Assert.Equal(language, page.Document.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("fr", "Retirer ma signature", "Cette page avait expiré. Appuyez à nouveau sur le bouton.")]
    [InlineData("ar", "اسحب توقيعي", "انتهت صلاحية هذه الصفحة. يُرجى الضغط على الزر مرة أخرى.")]
    public async Task A_stale_withdrawal_page_says_it_expired_in_the_language(string language, string button, string expired)
    {
        var supporter = Supporter.New();
        await fixture.SignAndGetLinkAsync(supporter);
        var email = await fixture.Smtp.WaitForMessageToAsync(supporter.Email);
        var link = $"/{language}" + new Uri(PetitionSiteFactory.WithdrawalLinkIn(email)).PathAndQuery;

        using var pressed = await fixture.NewSupporter().Http.PostAsync(link, new FormUrlEncodedContent([new("__form", "stale")]), TestContext.Current.CancellationToken);
        var page = await WebPage.ReadAsync(pressed);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(expired, page.Document.QuerySelector(".error-summary")?.TextContent.Trim());
        Assert.Equal(button, page.Document.QuerySelector("main form button")?.TextContent);
        Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
    }

    [Theory]
    [InlineData("fr", "Partager la pétition…", "Copier le lien", "Lien copié.")]
    [InlineData("ar", "شارك العريضة…", "انسخ الرابط", "نُسخ الرابط.")]
    public async Task The_thanks_page_gives_the_share_script_its_words_in_the_language(string language, string shareButton, string copyButton, string copied)
    {
        var supporter = Supporter.New();
        var client = fixture.NewSupporter();
        var link = $"/{language}" + new Uri(await fixture.SignAndGetLinkAsync(supporter, client)).PathAndQuery;
        using var confirmed = await client.ConfirmAsync(link);
        Assert.Equal($"/{language}/petitions/{Slug}/thanks", confirmed.Headers.Location?.OriginalString);

        var thanks = await client.OpenAsync(confirmed.Headers.Location!.OriginalString);

        var box = thanks.Document.QuerySelector(".share-now")!;
        Assert.Equal(shareButton, box.QuerySelector(".share-sheet")?.TextContent);
        Assert.Equal(copyButton, box.QuerySelector(".copy-link")?.TextContent);
        Assert.StartsWith(copied, box.GetAttribute("data-copied"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(box.GetAttribute("data-copy-failed")));
        Assert.Contains("Free Walid Daqqah!", box.GetAttribute("data-share-text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_share_script_holds_no_words_of_its_own()
    {
        var script = await fixture.NewSupporter().Http.GetStringAsync("/js/share.js", TestContext.Current.CancellationToken);

        Assert.DoesNotContain("textContent = \"", script, StringComparison.Ordinal);
        Assert.Contains("data-copied", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "ltr", "Signer la pétition", "sur les")]
    [InlineData("ar", "rtl", "وقِّع العريضة", "من أصل")]
    public async Task The_embed_card_is_in_the_language_and_opens_the_petition_in_it(string language, string direction, string sign, string goalWords)
    {
        var page = await fixture.NewSupporter().OpenAsync($"/{language}/petitions/{Slug}/embed");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        AssertLanguage(page, language, direction);
        var link = page.Document.QuerySelector("a.sign")!;
        Assert.StartsWith(sign, link.TextContent, StringComparison.Ordinal);
        Assert.Equal($"http://petitions.test/{language}/petitions/{Slug}?source=embed", link.GetAttribute("href"));
        Assert.Contains(goalWords, page.Document.QuerySelector(".count")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_badge_keeps_one_copy_per_language()
    {
        var english = await BadgeAsync("");
        var french = await BadgeAsync("/fr");
        var arabic = await BadgeAsync("/ar");
        var frenchAgain = await BadgeAsync("/fr");

        Assert.Contains("needed", english, StringComparison.Ordinal);
        Assert.Contains("visées", french, StringComparison.Ordinal);
        Assert.Contains("xml:lang=\"fr\"", french, StringComparison.Ordinal);
        Assert.Contains("التوقيعات", arabic, StringComparison.Ordinal);
        Assert.Contains("direction=\"rtl\"", arabic, StringComparison.Ordinal);
        Assert.Equal(french, frenchAgain);
    }

    [Theory]
    [InlineData("/fr/privacy")]
    [InlineData("/ar/privacy")]
    public async Task A_translated_privacy_page_weighs_under_30_kb_with_its_stylesheet(string path)
    {
        var client = fixture.NewSupporter();
        var html = await client.Http.GetByteArrayAsync(path, TestContext.Current.CancellationToken);
        var css = await client.Http.GetByteArrayAsync("/css/site.css", TestContext.Current.CancellationToken);

        Assert.True(html.Length + css.Length < 30_000, $"{path} weighs {html.Length + css.Length:N0} bytes with its stylesheet, uncompressed.");
    }

    private async Task<string> BadgeAsync(string prefix)
    {
        using var response = await fixture.NewSupporter().Http.GetAsync($"{prefix}/petitions/{Slug}/badge.svg", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    private static void AssertLanguage(WebPage page, string language, string direction)
    {
        var html = page.Document.DocumentElement;
        Assert.Equal((language, direction), (html.GetAttribute("lang"), html.GetAttribute("dir")));
    }

    private static string UnsubscribeLinkIn(MimeMessage email) => email.Headers[HeaderId.ListUnsubscribe]?.Trim().TrimStart('<').TrimEnd('>')
        ?? throw new InvalidOperationException("The email has no List-Unsubscribe header.");
}
