using Microsoft.Playwright;
using PetitionSite.Testing;
using static Microsoft.Playwright.Assertions;

namespace PetitionSite.BrowserTests.BackOffice;

// What an admin does on the way to a later page, for tests whose subject is that later page.
internal static class AdminSteps
{
    public static ILocator Button(this IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public static ILocator Button(this ILocator within, string name) => within.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public static async Task SignInWithPasswordAsync(this IPage page, RunningSite site, string email, string password, string? path = null)
    {
        await page.GotoAsync(site.Url(path ?? "/account/login"));
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.Button("Sign in").ClickAsync();
    }

    // On the two-factor sign-in step, types what the authenticator app shows now.
    public static async Task EnterAuthenticatorCodeAsync(this IPage page, string key)
    {
        await Expect(page.MainHeading()).ToHaveTextAsync("Two-factor sign-in");
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key));
        await page.Button("Sign in").ClickAsync();
    }

    // On the enrolment page: reads the key shown as text, as someone without a camera would type it into their app, and turns two-factor on.
    public static async Task<string> EnrolInTwoFactorAsync(this IPage page)
    {
        await Expect(page.MainHeading()).ToHaveTextAsync("Two-factor sign-in");
        var key = await page.Locator("#authenticator-key").InnerTextAsync();
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key));
        await page.Button("Turn on two-factor sign-in").ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("Save your recovery codes");
        return key;
    }

    public static async Task FillPetitionFormAsync(this IPage page, string title, string slug, string goal = "500")
    {
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Web address").FillAsync(slug);
        await page.GetByLabel("Summary").FillAsync("Keep the Old Town library open six days a week.");
        await page.GetByLabel("Text of the petition").FillAsync("## Why\n\nThe library is the only warm, quiet place in town with free internet.\n\nWe ask the council to keep it open.");
        await page.GetByLabel("Goal").FillAsync(goal);
    }

    // Creates a pending petition from the New petition page and opens it from its edit page.
    public static async Task CreateAndOpenPetitionAsync(this IPage page, RunningSite site, string title, string slug)
    {
        await page.GotoAsync(site.Url("/admin/petitions/new"));
        await Expect(page.MainHeading()).ToHaveTextAsync("New petition");
        await page.FillPetitionFormAsync(title, slug);
        await page.Button("Create petition").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your changes are saved.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Status: Pending" })).ToBeVisibleAsync();

        await page.Button("Open now").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Status: Open" })).ToBeVisibleAsync();
    }
}
