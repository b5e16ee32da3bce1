using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PetitionSite.BrowserTests.Site;

// axe-core against WCAG 2.0, 2.1 and 2.2 levels A and AA on every page a supporter can reach.
public sealed class AccessibilityTests(BrowserFixture browser, RunningSite site) : PageTest(browser), IClassFixture<RunningSite>
{
    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    [Fact]
    public async Task Petition_page_has_no_violations()
    {
        await Page.GotoAsync(site.PetitionUrl);
        await AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Petition_page_showing_validation_errors_has_no_violations()
    {
        await Page.GotoAsync(site.PetitionUrl);
        await Page.SignButton().ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is a problem");
        await AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Petitions_index_has_no_violations()
    {
        await Page.GotoAsync(site.Url("/"));
        await Expect(Page.MainHeading()).ToHaveTextAsync("All petitions");
        await AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Check_your_email_page_has_no_violations()
    {
        await Page.SignAsync(site, "check-your-email@example.org");
        await AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Confirm_page_has_no_violations()
    {
        await Page.SignAsync(site, "confirm-page@example.org");
        await Page.OpenConfirmationLinkAsync(site, "confirm-page@example.org");
        await AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Thank_you_page_has_no_violations()
    {
        await Page.SignAsync(site, "thank-you-page@example.org");
        await Page.OpenConfirmationLinkAsync(site, "thank-you-page@example.org");
        await Page.ConfirmAsync();
        await AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Not_found_page_has_no_violations()
    {
        var response = await Page.GotoAsync(site.Url("/petitions/no-such-petition"));
        Assert.Equal(404, response!.Status);
        await Expect(Page.MainHeading()).ToHaveTextAsync("Page not found");
        await AssertNoViolationsAsync();
    }

    private async Task AssertNoViolationsAsync()
    {
        var result = await Page.RunAxe(Wcag);
        Assert.True(result.Violations.Length == 0, Describe(Page.Url, result.Violations));
    }

    // Enough to fix each problem without rerunning: the rule, its help, and every element it flagged.
    private static string Describe(string url, AxeResultItem[] violations) =>
        $"axe found {violations.Length} violation(s) on {url}:" + string.Concat(violations.Select(violation =>
            $"\n- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}" + string.Concat(violation.Nodes.Select(node =>
                $"\n    {node.Target}\n      {node.Html}\n      {string.Join(" / ", node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message))}"))));
}
