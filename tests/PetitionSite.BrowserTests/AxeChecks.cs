using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PetitionSite.BrowserTests;

// axe-core against WCAG 2.0, 2.1 and 2.2 levels A and AA, the bar every page of the site must clear.
internal static class AxeChecks
{
    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    public static async Task AssertNoViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe(Wcag);
        Assert.True(result.Passes.Length > 0, $"axe checked nothing on {page.Url}: did its script run?");
        Assert.True(result.Violations.Length == 0, Describe(page.Url, result.Violations));
    }

    // Enough to fix each problem without rerunning: the rule, its help, and every element it flagged.
    private static string Describe(string url, AxeResultItem[] violations) =>
        $"axe found {violations.Length} violation(s) on {url}:" + string.Concat(violations.Select(violation =>
            $"\n- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}" + string.Concat(violation.Nodes.Select(node =>
                $"\n    {node.Target}\n      {node.Html}\n      {string.Join(" / ", node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message))}"))));
}
