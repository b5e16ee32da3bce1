using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Site;

// Uptime monitors and link checkers ask with HEAD: wherever GET answers, HEAD gives the same status and headers, no body.
// On a real Kestrel port, since dropping the body of a HEAD response is the server's part (the test server sends it on).
public sealed class HeadRequestTests(HeadRequestTests.RealServer fixture) : IClassFixture<HeadRequestTests.RealServer>
{
    private const string PetitionPage = "/petitions/" + PetitionSiteFactory.PetitionSlug;

    [Theory]
    [InlineData("/", HttpStatusCode.OK, "text/html")]
    [InlineData("/petitions", HttpStatusCode.OK, "text/html")]
    [InlineData(PetitionPage, HttpStatusCode.OK, "text/html")]
    [InlineData(PetitionPage + "/count.json", HttpStatusCode.OK, "application/json")]
    [InlineData(PetitionPage + "/signed", HttpStatusCode.OK, "text/html")]
    [InlineData(PetitionPage + "/thanks", HttpStatusCode.OK, "text/html")]
    [InlineData("/healthz", HttpStatusCode.OK, "text/plain")]
    [InlineData("/favicon.svg", HttpStatusCode.OK, "image/svg+xml")]
    [InlineData("/petitions/no-such-petition", HttpStatusCode.NotFound, "text/html")]
    [InlineData("/no/such/page", HttpStatusCode.NotFound, "text/html")]
    [InlineData("/signatures/confirm/unknown", HttpStatusCode.NotFound, "text/html")]
    [InlineData("/account/login", HttpStatusCode.OK, "text/html")]
    public async Task Head_answers_as_get_does_without_a_body(string path, HttpStatusCode status, string mediaType)
    {
        using var client = fixture.NewClient();

        using var get = await client.GetAsync(path);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(status, get.StatusCode);
        Assert.Equal(status, head.StatusCode);
        Assert.Equal(mediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(get.Headers.GetValues("Content-Security-Policy"), head.Headers.GetValues("Content-Security-Policy"));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_stylesheet_answers_head()
    {
        using var client = fixture.NewClient();
        var home = await WebPage.ReadAsync(await client.GetAsync("/"));
        var stylesheet = home.Document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, stylesheet));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/css", head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_leaves_the_cached_page_whole()
    {
        using var client = fixture.NewClient();

        using var first = await client.GetAsync(PetitionPage);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, PetitionPage));
        using var headAgain = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, PetitionPage));
        using var again = await client.GetAsync(PetitionPage);
        var page = await WebPage.ReadAsync(again);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(HttpStatusCode.OK, headAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("h1#petition-title"));
    }

    [Fact]
    public async Task Head_before_any_get_leaves_the_page_whole_for_the_next_reader()
    {
        using var client = fixture.NewClient();
        // A copy of its own: the cache keeps one per ?source=.
        const string path = PetitionPage + "?source=head-first";

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        using var get = await client.GetAsync(path);
        var page = await WebPage.ReadAsync(get);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.NotNull(page.Document.QuerySelector("h1#petition-title"));
    }

    [Fact]
    public async Task Head_on_a_variant_of_an_address_is_redirected_like_get()
    {
        using var client = fixture.NewClient();

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/PETITIONS/FREE-WALID-DAQQAH/"));

        Assert.Equal(HttpStatusCode.MovedPermanently, head.StatusCode);
        Assert.Equal(PetitionPage, head.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Head_is_turned_away_where_get_is()
    {
        using var client = fixture.NewClient();

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/admin"));

        Assert.Equal(HttpStatusCode.Redirect, head.StatusCode);
        Assert.Equal("/account/login", head.Headers.Location?.AbsolutePath);
    }

    public sealed class RealServer : SiteFixture
    {
        private Uri? address;

        // A client that follows no redirect and keeps no cookie: a monitor's or a link checker's.
        public HttpClient NewClient()
        {
            address ??= new Uri(Site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
                .Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
            return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };
        }

        protected override PetitionSiteFactory CreateSite(TestSmtpServer smtp)
        {
            var site = new PetitionSiteFactory(smtp);
            site.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            return site;
        }
    }
}
