using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PetitionSite.BrowserTests.Petitions;

// Most supporters arrive from a shared link on a small phone.
public sealed class PhoneLayoutTests(BrowserFixture browser, RunningSite site) : PageTest(browser, Phone), IClassFixture<RunningSite>
{
    private const int PhoneWidth = 360;

    private static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new() { Width = PhoneWidth, Height = 740 },
        IsMobile = true,
        HasTouch = true,
    };

    [Fact]
    public async Task Petition_page_fits_a_small_phone_and_its_link_leads_to_the_form()
    {
        await Page.GotoAsync(site.PetitionUrl);

        await AssertNoSidewaysScrollAsync();
        await Expect(Page.GetByLabel("First name")).Not.ToBeInViewportAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Sign the petition" }).TapAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign the petition" })).ToBeInViewportAsync();
        await Expect(Page.GetByLabel("First name")).ToBeInViewportAsync();
    }

    [Fact]
    public async Task A_mistake_on_a_phone_brings_the_error_summary_into_view()
    {
        await Page.GotoAsync(site.PetitionUrl);

        await Page.SignButton().TapAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToBeInViewportAsync();
        await AssertNoSidewaysScrollAsync();
    }

    private async Task AssertNoSidewaysScrollAsync()
    {
        var width = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= PhoneWidth, $"{Page.Url} is {width} px wide and scrolls sideways on a {PhoneWidth} px phone.");
    }
}
