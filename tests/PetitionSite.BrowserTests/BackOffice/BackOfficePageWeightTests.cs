using Microsoft.Playwright;
using PetitionSite.Testing;

namespace PetitionSite.BrowserTests.BackOffice;

// An organiser checking their petition from a phone on a poor connection: the dashboard is as light as the public pages.
public sealed class BackOfficePageWeightTests(BackOfficeSite backOffice) : IClassFixture<BackOfficeSite>
{
    private const int MaxBytes = 30_000;

    [Fact]
    public async Task Dashboard_loads_only_from_its_own_site_in_under_30_KB()
    {
        await using var context = await backOffice.SignedInContextAsync();
        var page = await context.NewPageAsync();
        var requests = new List<IRequest>();
        page.Request += (_, request) => requests.Add(request);

        await page.GotoAsync(backOffice.Site.Url($"/admin/petitions/{PetitionSiteFactory.PetitionSlug}"), new() { WaitUntil = WaitUntilState.NetworkIdle });

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
        Assert.All(loaded, r => Assert.Equal(backOffice.Site.Address.GetLeftPart(UriPartial.Authority), r.Url.GetLeftPart(UriPartial.Authority)));
        Assert.DoesNotContain(loaded, r => r.Type == "font");
        Assert.Contains(loaded, r => r.Type == "document" && r.Status == 200);
        Assert.Equal(2, loaded.Count(r => r.Type == "stylesheet" && r.Status == 200 && r.Bytes > 0));
        Assert.Contains(loaded, r => r.Type == "script" && r.Url.AbsolutePath.EndsWith("/dashboard.js", StringComparison.Ordinal));
        Assert.True(total < MaxBytes, $"The dashboard is over {MaxBytes:N0} bytes: {report}");
    }
}
