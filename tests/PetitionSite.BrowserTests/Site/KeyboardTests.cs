using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PetitionSite.BrowserTests.Site;

// A supporter who uses only the keyboard can skip to the content, reach every field, and sign.
public sealed class KeyboardTests(BrowserFixture browser, RunningSite site) : PageTest(browser), IClassFixture<RunningSite>
{
    [Fact]
    public async Task First_tab_reaches_the_skip_link_which_moves_focus_to_the_content()
    {
        await Page.GotoAsync(site.PetitionUrl);

        await Page.Keyboard.PressAsync("Tab");
        var skipLink = Page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToBeInViewportAsync();

        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Tabbing_reaches_every_field_in_order_and_Enter_signs()
    {
        await Page.GotoAsync(site.PetitionUrl);
        var typed = new Dictionary<string, string>
        {
            ["Form_FirstName"] = "Rasha",
            ["Form_LastName"] = "Khalil",
            ["Form_Email"] = "keyboard@example.org",
            ["Form_Country"] = "Palestine",
            ["Form_Postcode"] = "P 100",
        };
        var reached = new List<string>();

        for (var presses = 0; presses < 200 && !reached.Contains("submit"); presses++)
        {
            await Page.Keyboard.PressAsync("Tab");
            var focused = await Page.EvaluateAsync<string>(
                "() => { const e = document.activeElement; return e.closest('form.signature-form') ? (e.type === 'submit' ? 'submit' : e.id) : ''; }");
            if (focused.Length == 0)
            {
                continue;
            }

            reached.Add(focused);
            if (typed.TryGetValue(focused, out var text))
            {
                await Page.Keyboard.TypeAsync(text);
            }
        }

        Assert.Equal(["Form_FirstName", "Form_LastName", "Form_Email", "Form_Country", "Form_Postcode", "Form_ShowNamePublicly", "Form_KeepInformed", "submit"], reached);
        await Expect(Page.GetByLabel("Country")).ToHaveValueAsync("PS");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.MainHeading()).ToHaveTextAsync("Check your email");
    }
}
