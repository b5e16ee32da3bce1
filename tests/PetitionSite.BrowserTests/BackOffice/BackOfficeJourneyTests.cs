using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PetitionSite.Testing;
using static Microsoft.Playwright.Assertions;

namespace PetitionSite.BrowserTests.BackOffice;

// The admin made by create-admin, from first sign-in to the CSV of a petition they started, as the browser shows it.
public sealed partial class BackOfficeJourneyTests(BrowserFixture browser, RunningSite site) : IClassFixture<RunningSite>
{
    private const string Title = "Keep the Old Town library open";

    [Fact]
    public async Task The_first_admin_enrols_a_second_factor_starts_a_petition_watches_it_signed_and_downloads_the_signatures()
    {
        const string email = "first-admin@example.org";
        const string slug = "keep-the-old-town-library-open";
        var password = await site.CreateAdminAsync(email);
        await using var adminContext = await browser.NewContextAsync();
        var admin = await adminContext.NewPageAsync();

        await admin.SignInWithPasswordAsync(site, email, password);
        await Expect(admin.MainHeading()).ToHaveTextAsync("Petitions");

        // Signers' personal data waits for a second factor: asking for it leads through enrolment and back.
        await admin.GotoAsync(site.Url($"/admin/petitions/{PetitionSiteFactory.PetitionSlug}/signatures"));
        await Expect(admin).ToHaveURLAsync(EnrolmentWithReturnUrl());
        await admin.EnrolInTwoFactorAsync();
        await Expect(admin.GetByRole(AriaRole.List, new() { Name = "Recovery codes" }).GetByRole(AriaRole.Listitem)).Not.ToHaveCountAsync(0);
        await admin.GetByRole(AriaRole.Link, new() { Name = "I have saved them: continue" }).ClickAsync();
        await Expect(admin.MainHeading()).ToHaveTextAsync($"Signatures on “{SupporterSteps.PetitionTitle}”");

        await admin.CreateAndOpenPetitionAsync(site, Title, slug);
        await admin.GotoAsync(site.Url("/"));
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = Title })).ToBeVisibleAsync();

        await SignAndConfirmAsync(slug, "Rasha", "rasha@example.org", showName: true);

        await admin.GotoAsync(site.Url($"/admin/petitions/{slug}"));
        await Expect(admin.MainHeading()).ToHaveTextAsync(Title);
        var confirmed = admin.Locator("dd[data-figure=confirmed]");
        await ReloadUntilAsync(admin, confirmed, "1");
        await Expect(admin.Locator(".latest-signers")).ToHaveTextAsync("Rasha Khalil");

        // The open dashboard catches up by itself: dashboard.js polls the figures every ten seconds.
        await SignAndConfirmAsync(slug, "Omar", "omar@example.org", showName: false);
        await Expect(confirmed).ToHaveTextAsync("2", new() { Timeout = 15_000 });

        await admin.GetByRole(AriaRole.Link, new() { Name = "Signatures", Exact = true }).ClickAsync();
        var download = await admin.RunAndWaitForDownloadAsync(() => admin.Button("Download CSV").ClickAsync());
        var csv = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var lines = Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("first_name,last_name,email,country,postcode,state,signed_at,confirmed_at,keep_informed,revision,source", lines[0]);
        Assert.Equal(2, lines.Length - 1);
        Assert.Contains(lines, line => line.StartsWith("Rasha,Khalil,rasha@example.org,PS,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_javascript_an_admin_signs_in_with_a_second_factor_and_starts_and_opens_a_petition()
    {
        const string email = "no-script-admin@example.org";
        const string slug = "light-the-river-path";
        var password = await site.CreateAdminAsync(email);
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.SignInWithPasswordAsync(site, email, password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Two-factor sign-in" }).ClickAsync();
        var key = await page.EnrolInTwoFactorAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "I have saved them: continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("Sign in");

        await page.SignInWithPasswordAsync(site, email, password);
        await page.EnterAuthenticatorCodeAsync(key);
        await Expect(page.MainHeading()).ToHaveTextAsync("Petitions");

        await page.CreateAndOpenPetitionAsync(site, "Light the river path", slug);
        await page.GotoAsync(site.Url("/"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Light the river path" }).ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("Light the river path");
        await Expect(page.SignButton()).ToBeVisibleAsync();
    }

    // A supporter in a browser of their own signs through the public form and clicks the link in their email.
    private async Task SignAndConfirmAsync(string slug, string firstName, string email, bool showName)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url($"/petitions/{slug}"));
        await Expect(page.MainHeading()).ToHaveTextAsync(Title);
        await page.FillSignatureFormAsync(firstName, "Khalil", email);
        await page.GetByLabel("Show my name publicly on this petition").SetCheckedAsync(showName);
        await page.SignButton().ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("Check your email");
        await page.OpenConfirmationLinkAsync(site, email);
        await page.ConfirmAsync();
    }

    // Confirmed counts reach the figures within the site's two-second bound; a person would press reload.
    private static async Task ReloadUntilAsync(IPage page, ILocator figure, string expected)
    {
        for (var tries = 0; tries < 10 && (await figure.InnerTextAsync()).Trim() != expected; tries++)
        {
            await Task.Delay(300);
            await page.ReloadAsync();
        }

        await Expect(figure).ToHaveTextAsync(expected);
    }

    [GeneratedRegex(@"/account/two-factor\?returnUrl=")]
    private static partial Regex EnrolmentWithReturnUrl();
}
