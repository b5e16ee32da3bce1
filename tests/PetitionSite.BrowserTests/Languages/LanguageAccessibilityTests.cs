using Microsoft.Playwright;
using PetitionSite.Testing;
using static Microsoft.Playwright.Assertions;

namespace PetitionSite.BrowserTests.Languages;

// axe-core (AxeChecks) on the supporter's pages in French and Arabic, right-to-left included.
public sealed class LanguageAccessibilityTests(BrowserFixture browser, RunningSite site) : PageTest(browser), IClassFixture<RunningSite>
{
    [Theory]
    [InlineData("fr", "Signer la pétition")]
    [InlineData("ar", "وقِّع العريضة")]
    public async Task Petition_page_in_each_language_has_no_violations(string language, string signHeading)
    {
        await Page.GotoAsync(site.Url($"/{language}/petitions/{PetitionSiteFactory.PetitionSlug}"));
        await Expect(Page.Locator("#sign-heading")).ToHaveTextAsync(signHeading);
        await Page.AssertNoViolationsAsync();
    }

    [Theory]
    [InlineData("fr", "Signer la pétition", "Il y a un problème")]
    [InlineData("ar", "وقِّع العريضة", "توجد مشكلة")]
    public async Task Petition_page_showing_validation_errors_in_each_language_has_no_violations(string language, string signButton, string problem)
    {
        await Page.GotoAsync(site.Url($"/{language}/petitions/{PetitionSiteFactory.PetitionSlug}"));
        await Page.GetByRole(AriaRole.Button, new() { Name = signButton }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync(problem);
        await Page.AssertNoViolationsAsync();
    }

    [Theory]
    [InlineData("fr", "Toutes les pétitions")]
    [InlineData("ar", "جميع العرائض")]
    public async Task Petitions_index_in_each_language_has_no_violations(string language, string heading)
    {
        await Page.GotoAsync(site.Url($"/{language}"));
        await Expect(Page.MainHeading()).ToHaveTextAsync(heading);
        await Page.AssertNoViolationsAsync();
    }

    [Theory]
    [InlineData("fr", "ce que nous conservons")]
    [InlineData("ar", "ما نحتفظ به ولأي مدة")]
    public async Task Privacy_page_in_each_language_has_no_violations(string language, string heading)
    {
        await Page.GotoAsync(site.Url($"/{language}/privacy"));
        await Expect(Page.MainHeading()).ToContainTextAsync(heading);
        await Page.AssertNoViolationsAsync();
    }

    [Theory]
    [InlineData("fr", "Retirer votre signature", "Retirer ma signature", "Votre signature a été retirée", "Il n’y a pas de signature à retirer")]
    [InlineData("ar", "سحب توقيعك", "اسحب توقيعي", "سُحب توقيعك", "لا يوجد توقيع لسحبه")]
    public async Task Withdrawal_pages_in_each_language_have_no_violations(string language, string title, string button, string done, string nothing)
    {
        var email = $"withdraw-{language}@example.org";
        await Page.SignAsync(site, email);
        var link = site.Url($"/{language}" + new Uri(await site.WithdrawalLinkSentToAsync(email)).PathAndQuery);
        await Page.GotoAsync(link);
        await Expect(Page.MainHeading()).ToHaveTextAsync(title);
        await Page.AssertNoViolationsAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Expect(Page.MainHeading()).ToHaveTextAsync(done);
        await Page.AssertNoViolationsAsync();

        await Page.GotoAsync(link);
        await Expect(Page.MainHeading()).ToHaveTextAsync(nothing);
        await Page.AssertNoViolationsAsync();
    }

    [Theory]
    [InlineData("fr", "Confirmer ma signature", "Copier le lien", "Lien copié")]
    [InlineData("ar", "تأكيد توقيعي", "انسخ الرابط", "نُسخ الرابط")]
    public async Task Thank_you_page_in_each_language_after_copying_the_link_has_no_violations(string language, string confirm, string copy, string copied)
    {
        var email = $"thanks-{language}@example.org";
        await Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = site.Url("/").TrimEnd('/') });
        await Page.SignAsync(site, email);
        await Page.GotoAsync(site.Url($"/{language}" + new Uri(await site.ConfirmationLinkSentToAsync(email)).PathAndQuery));
        await Page.GetByRole(AriaRole.Button, new() { Name = confirm }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = copy }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync(copied);
        await Page.AssertNoViolationsAsync();
    }

    [Theory]
    [InlineData("fr", "Signer la pétition")]
    [InlineData("ar", "وقِّع العريضة")]
    public async Task Embed_card_in_each_language_has_no_violations(string language, string sign)
    {
        await Page.GotoAsync(site.Url($"/{language}/petitions/{PetitionSiteFactory.PetitionSlug}/embed"));
        await Expect(Page.GetByRole(AriaRole.Link)).ToContainTextAsync(sign);
        await Page.AssertNoViolationsAsync();
    }

    [Theory]
    [InlineData("fr", "/signatures/unsubscribe/no-such-link", "Nous ne reconnaissons pas ce lien")]
    [InlineData("ar", "/signatures/unsubscribe/no-such-link", "لا نتعرَّف على هذا الرابط")]
    [InlineData("fr", "/petitions/no-such-petition", "Page introuvable")]
    [InlineData("ar", "/petitions/no-such-petition", "الصفحة غير موجودة")]
    public async Task Pages_for_unknown_links_in_each_language_have_no_violations(string language, string path, string heading)
    {
        var response = await Page.GotoAsync(site.Url($"/{language}{path}"));
        Assert.Equal(404, response!.Status);
        await Expect(Page.MainHeading()).ToHaveTextAsync(heading);
        await Page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task The_arabic_petition_page_runs_right_to_left()
    {
        await Page.GotoAsync(site.Url($"/ar/petitions/{PetitionSiteFactory.PetitionSlug}"));

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        // The progress box's accent border is on the start side, which is the right in Arabic.
        var border = await Page.Locator(".progress").EvaluateAsync<string>("e => getComputedStyle(e).borderRightWidth");
        Assert.Equal("4px", border);
    }
}
