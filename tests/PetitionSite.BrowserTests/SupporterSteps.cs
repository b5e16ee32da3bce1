using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PetitionSite.BrowserTests;

// What a supporter does on the way to a later page, for tests whose subject is that later page.
internal static class SupporterSteps
{
    public const string PetitionTitle = "Free Walid Daqqah!";

    public static ILocator MainHeading(this IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public static ILocator SignButton(this IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Sign the petition" });

    public static async Task FillSignatureFormAsync(this IPage page, string firstName, string lastName, string email)
    {
        await page.GetByLabel("First name").FillAsync(firstName);
        await page.GetByLabel("Last name").FillAsync(lastName);
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Country").SelectOptionAsync(new SelectOptionValue { Label = "Palestine" });
    }

    // Signs with valid details and lands on the "Check your email" page.
    public static async Task SignAsync(this IPage page, RunningSite site, string email)
    {
        await page.GotoAsync(site.PetitionUrl);
        await page.FillSignatureFormAsync("Rasha", "Khalil", email);
        await page.SignButton().ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("Check your email");
    }

    // Opens the link from the confirmation email, as the supporter would click it in their mail program.
    public static async Task OpenConfirmationLinkAsync(this IPage page, RunningSite site, string email)
    {
        await page.GotoAsync(await site.ConfirmationLinkSentToAsync(email));
        await Expect(page.MainHeading()).ToHaveTextAsync("Confirm your signature");
    }

    public static async Task ConfirmAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my signature" }).ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("Thank you: your signature is confirmed");
    }
}
