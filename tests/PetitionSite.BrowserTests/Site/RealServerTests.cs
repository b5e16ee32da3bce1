namespace PetitionSite.BrowserTests.Site;

// What the real web server (Kestrel on a port, not the in-memory test host) says about itself.
public sealed class RealServerTests(RunningSite site) : IClassFixture<RunningSite>
{
    [Fact]
    public async Task Responses_do_not_name_the_server()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(site.PetitionUrl, TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
        Assert.False(response.Headers.Contains("Server"), "Server: " + string.Join(", ", response.Headers.Server));
    }
}
