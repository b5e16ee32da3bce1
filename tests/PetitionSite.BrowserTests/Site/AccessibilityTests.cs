using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PetitionSite.BrowserTests.Site;

// axe-core (AxeChecks) on every page a supporter can reach.
public sealed class AccessibilityTests(BrowserFixture browser, RunningSite site) : PageTest(browser), IClassFixture<RunningSite>
{
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
    public async Task Thank_you_page_after_copying_the_link_has_no_violations()
    {
        await Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = site.Url("/").TrimEnd('/') });
        await Page.SignAsync(site, "thank-you-copy@example.org");
        await Page.OpenConfirmationLinkAsync(site, "thank-you-copy@example.org");
        await Page.ConfirmAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Copy the link" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Link copied");
        var copied = await Page.EvaluateAsync<string>("navigator.clipboard.readText()");
        Assert.EndsWith("/petitions/" + PetitionSite.Testing.PetitionSiteFactory.PetitionSlug + "?source=copy", copied, StringComparison.Ordinal);
        await AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Embed_card_has_no_violations()
    {
        await Page.GotoAsync(site.PetitionUrl + "/embed");
        await Expect(Page.MainHeading()).ToHaveTextAsync(SupporterSteps.PetitionTitle);
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

    [Fact]
    public async Task Privacy_page_has_no_violations()
    {
        await Page.GotoAsync(site.Url("/privacy"));
        await Expect(Page.MainHeading()).ToHaveTextAsync("Privacy: what we keep and for how long");
        await AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Withdrawal_pages_have_no_violations()
    {
        await Page.SignAsync(site, "withdraw-page@example.org");
        var link = await site.WithdrawalLinkSentToAsync("withdraw-page@example.org");
        await Page.GotoAsync(link);
        await Expect(Page.MainHeading()).ToHaveTextAsync("Withdraw your signature");
        await AssertNoViolationsAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Withdraw my signature" }).ClickAsync();
        await Expect(Page.MainHeading()).ToHaveTextAsync("Your signature was withdrawn");
        await AssertNoViolationsAsync();

        await Page.GotoAsync(link);
        await Expect(Page.MainHeading()).ToHaveTextAsync("There is no signature to withdraw");
        await AssertNoViolationsAsync();
    }

    private Task AssertNoViolationsAsync() => Page.AssertNoViolationsAsync();
}
