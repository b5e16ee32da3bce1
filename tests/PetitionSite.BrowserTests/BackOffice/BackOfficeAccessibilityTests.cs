using Microsoft.Playwright;
using PetitionSite.Testing;
using static Microsoft.Playwright.Assertions;

namespace PetitionSite.BrowserTests.BackOffice;

// axe-core (AxeChecks) on every back-office page, in each state a person meets it in; and no page logs an error, a CSP refusal among them.
public sealed class BackOfficeAccessibilityTests(BrowserFixture browser, BackOfficeSite backOffice) : IClassFixture<BackOfficeSite>, IAsyncDisposable
{
    private const string Slug = PetitionSiteFactory.PetitionSlug;

    private readonly List<string> consoleErrors = [];
    private readonly List<IBrowserContext> contexts = [];

    private RunningSite Site => backOffice.Site;

    [Fact]
    public async Task Sign_in_and_two_factor_pages_have_no_violations()
    {
        const string email = "careful-admin@example.org";
        var password = await Site.CreateAdminAsync(email);
        var page = await OpenAsync(await browser.NewContextAsync());

        await page.GotoAsync(Site.Url("/account/login"));
        await AssertCleanAsync(page);
        await page.SignInWithPasswordAsync(Site, email, "not-the-password");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is a problem");
        await AssertCleanAsync(page);

        await page.SignInWithPasswordAsync(Site, email, password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Two-factor sign-in" }).ClickAsync();
        await Expect(page.Locator("#authenticator-key")).ToBeVisibleAsync();
        await AssertCleanAsync(page);
        await page.GetByLabel("Code from your authenticator app").FillAsync("12345");
        await page.Button("Turn on two-factor sign-in").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is a problem");
        await AssertCleanAsync(page);

        var key = await page.EnrolInTwoFactorAsync();
        await AssertCleanAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "I have saved them: continue" }).ClickAsync();
        await Expect(page.GetByText("Two-factor sign-in is on")).ToBeVisibleAsync();
        await AssertCleanAsync(page);

        await page.Button("Sign out").ClickAsync();
        await page.SignInWithPasswordAsync(Site, email, password);
        await Expect(page.MainHeading()).ToHaveTextAsync("Two-factor sign-in");
        await AssertCleanAsync(page);
        await page.GetByLabel("Code from your authenticator app").FillAsync("12345");
        await page.Button("Sign in").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is a problem");
        await AssertCleanAsync(page);
        await page.EnterAuthenticatorCodeAsync(key);
        await Expect(page.MainHeading()).ToHaveTextAsync("Petitions");
    }

    [Fact]
    public async Task Petition_list_and_dashboard_with_signatures_have_no_violations()
    {
        var page = await SignedInPageAsync();

        await page.GotoAsync(Site.Url("/admin"));
        await Expect(page.MainHeading()).ToHaveTextAsync("Petitions");
        await AssertCleanAsync(page);
        await page.GotoAsync(Site.Url($"/admin/petitions/{Slug}?channel=newsletter"));
        await Expect(page.Locator(".latest-signers")).ToHaveTextAsync("Rasha Khalil");
        await Expect(page.GetByLabel("Link to copy")).ToBeVisibleAsync();
        await AssertCleanAsync(page);
        await page.GotoAsync(Site.Url($"/admin/petitions/{Slug}?channel=%21%21%21"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is a problem");
        await AssertCleanAsync(page);
    }

    [Fact]
    public async Task Petition_form_in_each_state_has_no_violations()
    {
        var page = await SignedInPageAsync();

        await page.GotoAsync(Site.Url("/admin/petitions/new"));
        await AssertCleanAsync(page);
        await page.Button("Create petition").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is a problem");
        await AssertCleanAsync(page);
        await page.FillPetitionFormAsync("Keep the Old Town library open", "keep-the-library-open");
        await page.Button("Preview").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Preview (not saved)" })).ToBeVisibleAsync();
        await AssertCleanAsync(page);

        await page.GotoAsync(Site.Url($"/admin/petitions/{Slug}/edit"));
        await Expect(page.MainHeading()).ToHaveTextAsync("Edit petition");
        await AssertCleanAsync(page);
    }

    [Fact]
    public async Task Revisions_and_reject_pages_have_no_violations()
    {
        var page = await SignedInPageAsync();

        await page.GotoAsync(Site.Url($"/admin/petitions/{Slug}/revisions"));
        await AssertCleanAsync(page);
        await page.GotoAsync(Site.Url($"/admin/petitions/{Slug}/revisions/1"));
        await Expect(page.MainHeading()).ToContainTextAsync("Revision 1");
        await AssertCleanAsync(page);
        await page.GotoAsync(Site.Url($"/admin/petitions/{Slug}/reject"));
        await AssertCleanAsync(page);
        await page.GetByRole(AriaRole.Main).Button("Reject").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is a problem");
        await AssertCleanAsync(page);
    }

    [Fact]
    public async Task Moderation_pages_have_no_violations()
    {
        var page = await SignedInPageAsync();

        await page.GotoAsync(Site.Url($"/admin/petitions/{Slug}/signatures"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2 signatures match" })).ToBeVisibleAsync();
        await AssertCleanAsync(page);
        await page.GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await page.GetByLabel("Reason for invalidating").FillAsync("Signed twice");
        await page.Button("Invalidate…").ClickAsync();
        await Expect(page.MainHeading()).ToContainTextAsync("Invalidate signatures");
        await AssertCleanAsync(page);

        await page.GotoAsync(Site.Url($"/admin/petitions/{Slug}/signatures?State=confirmed"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Erase the signature of Rasha Khalil" }).ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("Erase this signature?");
        await AssertCleanAsync(page);

        await page.GotoAsync(Site.Url($"/admin/petitions/{Slug}/signatures?From=yesterday"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is a problem");
        await AssertCleanAsync(page);
        await page.GotoAsync(Site.Url($"/admin/petitions/{Slug}/signatures.csv?From=yesterday"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is a problem");
        await AssertCleanAsync(page);
    }

    [Fact]
    public async Task Fraud_review_its_bulk_form_and_preview_have_no_violations()
    {
        var page = await SignedInPageAsync();

        await page.GotoAsync(Site.Url($"/admin/petitions/{Slug}"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Fraud review" }).ClickAsync();
        await Expect(page.MainHeading()).ToContainTextAsync("Fraud review");
        await Expect(page.Locator("section[aria-labelledby=hour] tr.flagged").First).ToBeVisibleAsync();
        await AssertCleanAsync(page);
        await page.Button("Preview the invalidation").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Give a network, an email domain or a time window");
        await AssertCleanAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Fill in the bulk form for 127.0.0.0/24, last hour" }).ClickAsync();
        await Expect(page.GetByLabel("Client network")).ToHaveValueAsync("127.0.0.0/24");
        await page.GetByLabel("Reason for invalidating").FillAsync("Checking the preview");
        await page.Button("Preview the invalidation").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 signatures will be invalidated");
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("rasha@example.org");
        await AssertCleanAsync(page);
    }

    [Fact]
    public async Task Audit_log_has_no_violations()
    {
        var page = await SignedInPageAsync();

        await page.GotoAsync(Site.Url("/admin/audit"));
        await Expect(page.MainHeading()).ToHaveTextAsync("Audit log");
        await AssertCleanAsync(page);
    }

    [Fact]
    public async Task People_organisers_invitation_and_forbidden_pages_have_no_violations()
    {
        const string organiser = "organiser@example.org";
        var page = await SignedInPageAsync();

        await page.GotoAsync(Site.Url("/admin/people"));
        await AssertCleanAsync(page);
        await page.GetByLabel("Email address").FillAsync("not an address");
        await page.Button("Send the invitation").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is a problem");
        await AssertCleanAsync(page);
        await page.GetByLabel("Email address").FillAsync(organiser);
        await page.Button("Send the invitation").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(organiser);
        await AssertCleanAsync(page);

        await page.GotoAsync(Site.Url($"/admin/petitions/{Slug}/organisers"));
        await AssertCleanAsync(page);

        var invited = await OpenAsync(await browser.NewContextAsync());
        await invited.GotoAsync(await Site.InvitationLinkSentToAsync(organiser));
        await AssertCleanAsync(invited);
        await invited.GetByLabel("Password", new() { Exact = true }).FillAsync("Organiser-password-2025!");
        await invited.GetByLabel("The same password again").FillAsync("Organiser-password-2025?");
        await invited.Button("Save my password and sign in").ClickAsync();
        await Expect(invited.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is a problem");
        await AssertCleanAsync(invited);
        await invited.GetByLabel("Password", new() { Exact = true }).FillAsync("Organiser-password-2025!");
        await invited.GetByLabel("The same password again").FillAsync("Organiser-password-2025!");
        await invited.Button("Save my password and sign in").ClickAsync();
        await Expect(invited.MainHeading()).ToHaveTextAsync("Two-factor sign-in");

        var response = await invited.GotoAsync(Site.Url("/admin/people"));
        Assert.Equal(403, response!.Status);
        await Expect(invited.MainHeading()).ToHaveTextAsync("You do not have access to this page");
        await AssertCleanAsync(invited);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }
    }

    private async Task<IPage> SignedInPageAsync() => await OpenAsync(await backOffice.SignedInContextAsync());

    // A page whose console errors (scripts that fail, resources or inline code the CSP refuses) the test collects.
    private async Task<IPage> OpenAsync(IBrowserContext context)
    {
        contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            // Chromium logs a 4xx answer to the page itself as an error; the tests expect those (422 on a bad form, 403).
            var aboutThePage = message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal) && (message.Location == page.Url || message.Location.StartsWith(page.Url + ":", StringComparison.Ordinal));
            if (message.Type == "error" && !aboutThePage)
            {
                consoleErrors.Add($"{page.Url}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => consoleErrors.Add($"{page.Url}: {error}");
        return page;
    }

    private async Task AssertCleanAsync(IPage page)
    {
        await page.AssertNoViolationsAsync();
        Assert.Empty(consoleErrors);
    }
}
