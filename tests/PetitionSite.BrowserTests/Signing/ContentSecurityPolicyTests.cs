using System.Collections.Concurrent;
using Microsoft.Playwright;
using PetitionSite.Petitions;
using static Microsoft.Playwright.Assertions;

namespace PetitionSite.BrowserTests.Signing;

// The pages a supporter meets work under the site's Content-Security-Policy in every state of the signature form, and
// on the way out (withdrawing, the privacy page): the browser reports no violation and writes no error to the console.
public sealed class ContentSecurityPolicyTests(BrowserFixture browser, RunningSite site) : IClassFixture<RunningSite>, IAsyncLifetime
{
    private const string ClosedSlug = "a-closed-petition";

    // Injected by Playwright before any script of the page, which the policy does not cover: every violation the browser
    // reports reaches the test, whichever page it happens on.
    private const string ViolationRecorder = """
        document.addEventListener('securitypolicyviolation', e =>
            window.reportViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
        """;

    // Filled from Playwright's event thread.
    private readonly ConcurrentQueue<string> violations = new();
    private readonly ConcurrentQueue<string> consoleErrors = new();
    private IBrowserContext context = null!;
    private IPage page = null!;

    public async ValueTask InitializeAsync()
    {
        context = await browser.NewContextAsync();
        await context.ExposeFunctionAsync<string>("reportViolation", violation => violations.Enqueue($"{page.Url}: {violation}"));
        await context.AddInitScriptAsync(ViolationRecorder);
        page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            // Chromium logs a 4xx answer to the page itself as an error; this test asks for those (422, 400, 404, 410).
            var aboutThePage = message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)
                && (message.Location == page.Url || message.Location.StartsWith(page.Url + ":", StringComparison.Ordinal));
            if (message.Type == "error" && !aboutThePage)
            {
                consoleErrors.Enqueue($"{page.Url}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => consoleErrors.Enqueue($"{page.Url}: {error}");
    }

    [Fact]
    public async Task Every_state_of_the_signature_form_runs_without_a_policy_violation_or_console_error()
    {
        var email = $"csp-{Guid.NewGuid():N}@example.org";
        await CloseAPetitionAsync();

        await page.GotoAsync(site.Url("/"));
        await AssertCleanAsync("the list of petitions");

        await page.GotoAsync(site.PetitionUrl + "?source=newsletter");
        await Expect(page.MainHeading()).ToHaveTextAsync(SupporterSteps.PetitionTitle);
        await AssertCleanAsync("first visit");

        await page.SignButton().ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter your first name");
        await AssertCleanAsync("the form with mistakes (422)");

        await context.ClearCookiesAsync();
        await page.FillSignatureFormAsync("Rasha", "Khalil", email);
        await page.SignButton().ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This form had expired");
        await AssertCleanAsync("the expired form (400)");

        await page.SignButton().ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("Check your email");
        await AssertCleanAsync("check your email");

        var link = await site.ConfirmationLinkSentToAsync(email);
        await page.GotoAsync(link);
        await Expect(page.MainHeading()).ToHaveTextAsync("Confirm your signature");
        await AssertCleanAsync("the confirmation page");

        await page.ConfirmAsync();
        await AssertCleanAsync("thanks");

        await page.GotoAsync(link);
        await Expect(page.MainHeading()).ToHaveTextAsync("Already confirmed");
        await AssertCleanAsync("a link used twice");

        await page.GotoAsync(site.Url("/signatures/confirm/" + new string('A', 43)));
        await AssertCleanAsync("an unknown link (404)");

        var withdrawal = await site.WithdrawalLinkSentToAsync(email);
        await page.GotoAsync(withdrawal);
        await Expect(page.MainHeading()).ToHaveTextAsync("Withdraw your signature");
        await AssertCleanAsync("the withdrawal page");

        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw my signature" }).ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("Your signature was withdrawn");
        await AssertCleanAsync("withdrawn");

        await page.GotoAsync(withdrawal);
        await Expect(page.MainHeading()).ToHaveTextAsync("There is no signature to withdraw");
        await AssertCleanAsync("a withdrawal link used twice (404)");

        await page.GotoAsync(site.Url("/privacy"));
        await AssertCleanAsync("the privacy page");

        await page.GotoAsync(site.Url("/petitions/" + ClosedSlug));
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("This petition is closed");
        await AssertCleanAsync("a closed petition");

        await page.GotoAsync(site.Url("/no/such/page"));
        await Expect(page.MainHeading()).ToHaveTextAsync("Page not found");
        await AssertCleanAsync("not found (404)");

        // The recorders themselves work: a picture from another site is refused, reported and logged.
        await page.EvaluateAsync("() => { const img = document.createElement('img'); img.src = 'https://elsewhere.example/pixel.png'; img.alt = ''; document.body.append(img); }");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (violations.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Contains("img-src", Assert.Single(violations), StringComparison.Ordinal);
        Assert.Contains(consoleErrors, error => error.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        await context.DisposeAsync();
    }

    private async Task AssertCleanAsync(string state)
    {
        // A violation is reported as an event after the page has loaded; let the page settle before looking.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(violations.IsEmpty, $"{state}:\n{string.Join("\n", violations)}");
        Assert.True(consoleErrors.IsEmpty, $"{state}:\n{string.Join("\n", consoleErrors)}");
    }

    private Task<bool> CloseAPetitionAsync() => site.QueryAsync(async db =>
    {
        if (!db.Petitions.Any(p => p.Slug == ClosedSlug))
        {
            var closedAt = DateTime.UtcNow.AddDays(-3);
            db.Petitions.Add(new Petition
            {
                Slug = ClosedSlug,
                Title = "A closed petition",
                Summary = "It ran its course.",
                BodyMarkdown = "It ran its course.",
                Goal = 100,
                State = PetitionState.Closed,
                CreatedAt = closedAt.AddDays(-30),
                OpenedAt = closedAt.AddDays(-30),
                ClosedAt = closedAt,
            });
            await db.SaveChangesAsync();
        }

        return true;
    });
}
