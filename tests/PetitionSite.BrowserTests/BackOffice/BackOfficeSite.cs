using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PetitionSite.BrowserTests.BackOffice;

// A running site with one admin, made by create-admin and enrolled in two-factor sign-in through the browser, and
// signatures on the seeded petition: one confirmed, showing its name, and one awaiting confirmation, both from 127.0.0.0/24.
// The admin signs in once per test class; each test gets a new browser context carrying that session.
public sealed class BackOfficeSite(BrowserFixture browser) : IAsyncLifetime
{
    public const string AdminEmail = "admin@example.org";

    private Task<string>? signedIn;

    // The fraud review flags from the first signature, so that its two signatures show the page's flagged rows.
    public RunningSite Site { get; } = new() { Settings = { ["FraudReview:MinimumCount"] = "1" } };

    public string AdminPassword { get; private set; } = "";

    public string AuthenticatorKey { get; private set; } = "";

    public ValueTask InitializeAsync() => Site.InitializeAsync();

    // Signs in on the first call, from inside a test so that a machine without Chromium skips it rather than failing the class.
    public async Task<IBrowserContext> SignedInContextAsync(BrowserNewContextOptions? options = null)
    {
        signedIn ??= PrepareAsync();
        options ??= new();
        options.StorageState = await signedIn;
        return await browser.NewContextAsync(options);
    }

    private async Task<string> PrepareAsync()
    {
        await using (var supporter = await browser.NewContextAsync())
        {
            var signer = await supporter.NewPageAsync();
            await signer.GotoAsync(Site.PetitionUrl);
            await signer.FillSignatureFormAsync("Rasha", "Khalil", "rasha@example.org");
            await signer.GetByLabel("Show my name publicly on this petition").CheckAsync();
            await signer.SignButton().ClickAsync();
            await signer.OpenConfirmationLinkAsync(Site, "rasha@example.org");
            await signer.ConfirmAsync();
            await signer.SignAsync(Site, "pending@example.org");
        }

        AdminPassword = await Site.CreateAdminAsync(AdminEmail);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInWithPasswordAsync(Site, AdminEmail, AdminPassword);
        await page.GotoAsync(Site.Url("/account/two-factor"));
        AuthenticatorKey = await page.EnrolInTwoFactorAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "I have saved them: continue" }).ClickAsync();
        await Expect(page.GetByText("Two-factor sign-in is on")).ToBeVisibleAsync();
        return await context.StorageStateAsync();
    }

    public ValueTask DisposeAsync() => Site.DisposeAsync();
}
