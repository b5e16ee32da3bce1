using Microsoft.Playwright;

namespace PetitionSite.BrowserTests.Petitions;

// A supporter on a slow or watched connection: the petition page is small and asks nothing of any other site.
public sealed class PageWeightTests(BrowserFixture browser, RunningSite site) : PageTest(browser), IClassFixture<RunningSite>
{
    private const int MaxBytes = 30_000;

    // In every language: Arabic letters take two bytes each, and the country list is named in the page's language.
    [Theory]
    [InlineData("")]
    [InlineData("/fr")]
    [InlineData("/ar")]
    public async Task Petition_page_loads_only_from_its_own_site_in_under_30_KB(string language)
    {
        var requests = new List<IRequest>();
        Page.Request += (_, request) => requests.Add(request);

        await Page.GotoAsync(site.Url(language + "/petitions/" + PetitionSite.Testing.PetitionSiteFactory.PetitionSlug), new() { WaitUntil = WaitUntilState.NetworkIdle });

        var loaded = new List<(Uri Url, string Type, int Status, long Bytes)>();
        foreach (var request in requests)
        {
            var response = await request.ResponseAsync();
            var sizes = await request.SizesAsync();
            loaded.Add((new Uri(request.Url), request.ResourceType, response?.Status ?? 0, sizes.ResponseBodySize));
        }

        var total = loaded.Sum(r => r.Bytes);
        var report = $"{total:N0} bytes in all:\n" + string.Join("\n", loaded.Select(r => $"  {r.Status} {r.Type,-10} {r.Bytes,7:N0} B  {r.Url}"));
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Assert.All(loaded, r => Assert.Equal(site.Address.GetLeftPart(UriPartial.Authority), r.Url.GetLeftPart(UriPartial.Authority)));
        Assert.DoesNotContain(loaded, r => r.Type == "font");
        Assert.Contains(loaded, r => r.Type == "stylesheet" && r.Status == 200 && r.Bytes > 0);
        Assert.True(total < MaxBytes, $"The petition page is over {MaxBytes:N0} bytes: {report}");
    }
}
