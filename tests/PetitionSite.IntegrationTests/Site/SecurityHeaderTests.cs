using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PetitionSite.Sharing;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Site;

// Every answer the site gives carries the same protections, whatever route or status it comes from: the walk below takes
// its routes from the site's own endpoint table, so a page added later is checked without anyone listing it here.
public sealed partial class SecurityHeaderTests(SecurityHeaderTests.Site fixture) : IClassFixture<SecurityHeaderTests.Site>
{
    // Not localhost, which HSTS leaves alone so that a developer's other local sites are not affected.
    private static readonly Uri PublicAddress = new("https://petitions.example.org");

    [Fact]
    public async Task Every_route_answers_with_the_security_headers_anonymously_and_signed_in()
    {
        var anonymous = fixture.ClientAt(IPAddress.Parse("198.51.100.1"));
        using (var dashboard = await fixture.Admin.GetAsync("/admin"))
        {
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        }

        var problems = new List<string>();
        var walked = new List<string>();
        foreach (var (method, pattern, framable) in fixture.MappedRoutes())
        {
            var path = Concrete(pattern);
            var asked = method == "GET" ? "GET" : "GET (a " + method + " route)";
            using (var response = await anonymous.GetAsync(path))
            {
                problems.AddRange(ProblemsWith(response, $"anonymous {asked} {path}", framable));
            }

            if (path.StartsWith("/admin", StringComparison.Ordinal) || path.StartsWith("/account", StringComparison.Ordinal))
            {
                using var response = await fixture.Admin.GetAsync(path);
                problems.AddRange(ProblemsWith(response, $"admin {asked} {path}", framable));
            }

            walked.Add(path);
        }

        Assert.Contains("/admin/petitions/" + PetitionSiteFactory.PetitionSlug + "/signatures.csv", walked);
        Assert.Contains(walked, path => path.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(walked, path => path.EndsWith(".js", StringComparison.Ordinal));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Refusals_carry_the_security_headers_too()
    {
        var client = fixture.ClientAt(IPAddress.Parse("198.51.100.2"));
        var seen = new Dictionary<HttpStatusCode, List<string>>();
        async Task SendAsync(HttpRequestMessage request)
        {
            using (request)
            {
                using var response = await client.SendAsync(request);
                seen.TryAdd(response.StatusCode, []);
                seen[response.StatusCode].AddRange(ProblemsWith(response, $"{request.Method} {request.RequestUri}"));
            }
        }

        await SendAsync(new(HttpMethod.Get, "/no/such/page"));
        await SendAsync(new(HttpMethod.Get, "/error"));
        await SendAsync(new(HttpMethod.Delete, $"/petitions/{PetitionSiteFactory.PetitionSlug}"));
        await SendAsync(new(HttpMethod.Post, $"/petitions/{PetitionSiteFactory.PetitionSlug}/signatures") { Content = new StringContent("{}", null, "application/json") });
        for (var i = 0; i <= LimitedSiteFixture.SigningPerClient; i++)
        {
            await SendAsync(new(HttpMethod.Post, $"/petitions/{PetitionSiteFactory.PetitionSlug}/signatures") { Content = new FormUrlEncodedContent([]) });
        }

        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.TooManyRequests],
            seen.Keys.Order());
        Assert.All(seen, status => Assert.True(status.Value.Count == 0, string.Join("\n", status.Value)));
    }

    [Theory]
    [InlineData("/error")]
    [InlineData("/error/500")]
    [InlineData("/error/503")]
    [InlineData("/error/0")]
    [InlineData("/error/1")]
    [InlineData("/error/99")]
    [InlineData("/error/429")]
    [InlineData("/error/600")]
    [InlineData("/error/-1")]
    [InlineData("/error/99999999999")]
    public async Task Asking_for_an_error_page_directly_is_not_an_error(string path)
    {
        using var response = await fixture.ClientAt(IPAddress.Parse("198.51.100.3")).GetAsync(path);
        var page = await WebPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.Document.QuerySelector("h1")?.TextContent);
        Assert.Empty(ProblemsWith(response, path));
        // The request's log line is written once the answer has gone.
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.DoesNotContain(fixture.Site.Logs.Lines, line => line.StartsWith("[Error]", StringComparison.Ordinal) || line.StartsWith("[Fatal]", StringComparison.Ordinal));
    }

    // What is missing or wrong in one answer's headers, each problem naming the request. Only an endpoint that declares
    // itself framable (the embed card) lets other sites frame it.
    private List<string> ProblemsWith(HttpResponseMessage response, string request, bool framable = false)
    {
        var problems = new List<string>();
        void Expect(bool holds, string problem)
        {
            if (!holds)
            {
                problems.Add($"{request} ({(int)response.StatusCode}): {problem}");
            }
        }

        var policy = Header(response, "Content-Security-Policy");
        Expect(policy?.Contains("default-src 'self'", StringComparison.Ordinal) == true, $"Content-Security-Policy is {policy ?? "missing"}");
        var framing = framable ? "frame-ancestors *" : "frame-ancestors 'none'";
        Expect(policy?.Contains(framing, StringComparison.Ordinal) == true, $"Content-Security-Policy lacks {framing}");
        Expect(policy?.Contains("unsafe-inline", StringComparison.Ordinal) != true, "Content-Security-Policy allows unsafe-inline");
        Expect(policy?.Contains("unsafe-eval", StringComparison.Ordinal) != true, "Content-Security-Policy allows unsafe-eval");
        Expect(Header(response, "Referrer-Policy") == "no-referrer", $"Referrer-Policy is {Header(response, "Referrer-Policy") ?? "missing"}");
        Expect(Header(response, "X-Content-Type-Options") == "nosniff", "X-Content-Type-Options: nosniff is missing");
        Expect(Header(response, "Permissions-Policy")?.Contains("camera=()", StringComparison.Ordinal) == true, $"Permissions-Policy is {Header(response, "Permissions-Policy") ?? "missing"}");
        Expect(Header(response, "Cross-Origin-Opener-Policy") == "same-origin", "Cross-Origin-Opener-Policy: same-origin is missing");
        Expect(!response.Headers.Contains("Server"), "a Server header names the server");
        var hsts = Header(response, "Strict-Transport-Security");
        Expect(fixture.IsDevelopment ? hsts is null : hsts?.StartsWith("max-age=", StringComparison.Ordinal) == true, $"Strict-Transport-Security is {hsts ?? "missing"}");
        return problems;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    // Route parameters filled with real values where there are any, and a made-up token where there are not.
    private static string Concrete(string pattern) => RouteParameter().Replace(pattern, match => match.Groups[1].Value switch
    {
        "slug" => PetitionSiteFactory.PetitionSlug,
        "token" => new string('A', 43),
        "status" => "404",
        "path" => "favicon.svg",
        _ => "1",
    });

    [GeneratedRegex(@"\{\**([a-zA-Z]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    // Every limit on, so that a 429 can be reached; an admin signed in on the public host name.
    public sealed class Site : LimitedSiteFixture
    {
        public HttpClient Admin { get; private set; } = null!;

        public bool IsDevelopment => Site.Services.GetRequiredService<IHostEnvironment>().IsDevelopment();

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            var member = await Site.CreateStaffAsync("headers-admin@example.org");
            var admin = new StaffClient(ClientAt(IPAddress.Parse("198.51.100.9")));
            using var signedIn = await admin.SignInAsync(member);
            Admin = admin.Http;
        }

        // A browser reaching the site by its public name, from this address.
        public HttpClient ClientAt(IPAddress address) =>
            new(new CookieContainerHandler { InnerHandler = Site.Server.CreateHandler(context => context.Connection.RemoteIpAddress = address) })
            {
                BaseAddress = PublicAddress,
            };

        // Every method and route the site maps, its static files included, as ("GET", "/petitions/{slug}", framable);
        // HEAD is asked as GET.
        public IEnumerable<(string Method, string Pattern, bool Framable)> MappedRoutes() =>
            Site.Services.GetRequiredService<EndpointDataSource>().Endpoints
                .OfType<RouteEndpoint>()
                .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (
                    m == "HEAD" ? "GET" : m,
                    "/" + e.RoutePattern.RawText!.TrimStart('/'),
                    e.Metadata.GetMetadata<FramableByOtherSitesAttribute>() is not null)))
                .Distinct();
    }
}
