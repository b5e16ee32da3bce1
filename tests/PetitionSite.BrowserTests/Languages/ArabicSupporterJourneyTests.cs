using Microsoft.Playwright;
using PetitionSite.Testing;
using static Microsoft.Playwright.Assertions;

namespace PetitionSite.BrowserTests.Languages;

// A supporter whose browser asks for Arabic: the plain link opens in Arabic, and signing and confirming stay in it.
public sealed class ArabicSupporterJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Supporter_signs_and_confirms_in_arabic()
    {
        await using var context = await browser.NewContextAsync(new() { Locale = "ar" });
        await using var site = await RunningSite.StartAsync();
        var page = await context.NewPageAsync();
        var signButton = page.GetByRole(AriaRole.Button, new() { Name = "وقِّع العريضة" });

        await page.GotoAsync(site.PetitionUrl);
        Assert.EndsWith($"/ar/petitions/{PetitionSiteFactory.PetitionSlug}", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator(".progress .count")).ToContainTextAsync("عدد التوقيعات: ٠");

        await page.GetByLabel("الاسم الأول").FillAsync("رشا");
        await signButton.ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync("توجد مشكلة");
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveTextAsync(["أدخل اسم عائلتك", "أدخل عنوان بريدك الإلكتروني", "اختر بلدك"]);
        await Expect(page.GetByLabel("الاسم الأول")).ToHaveValueAsync("رشا");

        await page.GetByLabel("اسم العائلة").FillAsync("خليل");
        await page.GetByLabel("عنوان البريد الإلكتروني").FillAsync("rasha-ar@example.org");
        await page.GetByLabel("البلد").SelectOptionAsync("PS");
        await signButton.ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("تحقَّق من بريدك الإلكتروني");

        // The email is written in Arabic, and its link names the language: it opens in Arabic whatever the browser asks for.
        var link = await site.ConfirmationLinkSentToAsync("rasha-ar@example.org");
        Assert.Contains("/ar/signatures/confirm/", link, StringComparison.Ordinal);
        await page.GotoAsync(link);
        await Expect(page.MainHeading()).ToHaveTextAsync("أكِّد توقيعك");
        await page.GetByRole(AriaRole.Button, new() { Name = "تأكيد توقيعي" }).ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("شكرًا لك: تم تأكيد توقيعك");
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "العودة إلى العريضة" }).ClickAsync();
        await Expect(page.Locator(".progress .count")).ToContainTextAsync("عدد التوقيعات: ١");
    }
}
