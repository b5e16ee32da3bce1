using System.Net;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Site;

// What every refusal by a rate limit must look like: 429, Retry-After in seconds, and the friendly page saying the same wait in words.
public static class RefusalPage
{
    public static async Task<WebPage> AssertRefusedAsync(HttpResponseMessage response, int secondsToWait, string inWords)
    {
        var page = await WebPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.Status);
        Assert.Equal(TimeSpan.FromSeconds(secondsToWait), response.Headers.RetryAfter?.Delta);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Too many attempts", page.Document.QuerySelector("main h1")?.TextContent);
        Assert.Contains($"Please try again in {inWords}.", page.Text, StringComparison.Ordinal);
        // In the site's layout, and kept by no browser or proxy: the wait is only true now.
        Assert.NotNull(page.Document.QuerySelector("header.site-header a.brand"));
        Assert.True(response.Headers.CacheControl?.NoStore);
        return page;
    }
}
