using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PetitionSite.BrowserTests.Signing;

public sealed class SupporterJourneyTests(BrowserFixture browser)
{
    [Fact]
    public Task Supporter_signs_and_confirms_by_clicking() => SignAndConfirmAsync(javaScriptEnabled: true);

    [Fact]
    public Task Supporter_signs_and_confirms_with_javascript_disabled() => SignAndConfirmAsync(javaScriptEnabled: false);

    private async Task SignAndConfirmAsync(bool javaScriptEnabled)
    {
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = javaScriptEnabled });
        await using var site = await RunningSite.StartAsync();
        var page = await context.NewPageAsync();
        var count = page.Locator(".progress .count");

        await page.GotoAsync(site.PetitionUrl);
        await Expect(page.MainHeading()).ToHaveTextAsync(SupporterSteps.PetitionTitle);
        await Expect(count).ToContainTextAsync("0 signatures");

        await page.GetByLabel("First name").FillAsync("Rasha");
        await page.GetByLabel("Email address").FillAsync("rasha.example.org");
        await page.SignButton().ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync("There is a problem");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveTextAsync(
            ["Enter your last name", "Enter an email address in the correct format, like name@example.com", "Select your country"]);
        await Expect(page.GetByLabel("Last name")).ToHaveAccessibleDescriptionAsync("Error: Enter your last name");
        await Expect(page.GetByLabel("Email address")).ToHaveAccessibleDescriptionAsync(
            "We will email you a link to confirm your signature. Error: Enter an email address in the correct format, like name@example.com");
        await Expect(page.GetByLabel("Country")).ToHaveAccessibleDescriptionAsync("Error: Select your country");
        await Expect(page.GetByLabel("First name")).ToHaveValueAsync("Rasha");

        await page.FillSignatureFormAsync("Rasha", "Khalil", "rasha@example.org");
        await page.SignButton().ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("Check your email");

        await page.OpenConfirmationLinkAsync(site, "rasha@example.org");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(SupporterSteps.PetitionTitle);
        await page.ConfirmAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync($"{SupporterSteps.PetitionTitle} now has 1 confirmed signature of 10,000 needed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the petition" }).ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync(SupporterSteps.PetitionTitle);
        await Expect(count).ToContainTextAsync("1 signature of 10,000 needed");
    }
}
