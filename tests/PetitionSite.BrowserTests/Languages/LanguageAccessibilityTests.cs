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
