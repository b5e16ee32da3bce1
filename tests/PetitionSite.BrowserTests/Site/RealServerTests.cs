using System.Net;
using Microsoft.EntityFrameworkCore;

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

    // The in-memory test host has no body limit of its own: only the real server can show that Kestrel's (30 MB) holds.
    [Fact]
    public async Task A_body_beyond_the_servers_limit_is_refused_with_a_page_and_stores_nothing()
    {
        // The client waits for the server's go-ahead before sending the body, so the refusal is read instead of a closed connection.
        using var http = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) });
        var before = await site.QueryAsync(db => db.Signatures.CountAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, site.PetitionUrl + "/signatures") { Content = new ByteArrayContent(new byte[31_000_000]) };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Headers.ExpectContinue = true;

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await site.QueryAsync(db => db.Signatures.CountAsync()));
    }
}
