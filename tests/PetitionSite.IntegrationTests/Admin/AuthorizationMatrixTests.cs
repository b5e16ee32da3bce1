using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PetitionSite.Accounts;
using PetitionSite.Petitions;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Admin;

// Walks every back-office and account endpoint the site maps, as four people: a stranger, an organiser of another
// petition, the petition's organiser and an admin. A new route missing from the table below fails here, so nothing
// under /admin or /account can be added without saying who may use it.
public sealed partial class AuthorizationMatrixTests(AuthorizationMatrixTests.Site fixture) : IClassFixture<AuthorizationMatrixTests.Site>
{
    public enum Access
    {
        Anyone,
        Staff,
        PetitionOrganiser,
        Admin,
    }

    private static readonly Dictionary<string, Access> Expected = new()
    {
        ["GET /account/login"] = Access.Anyone,
        ["POST /account/login"] = Access.Anyone,
        ["GET /account/login/two-factor"] = Access.Anyone,
        ["POST /account/login/two-factor"] = Access.Anyone,
        ["POST /account/logout"] = Access.Anyone,
        ["GET /admin"] = Access.Staff,
        ["GET /admin/petitions/{slug}"] = Access.PetitionOrganiser,
        ["GET /admin/petitions/{slug}/figures.json"] = Access.PetitionOrganiser,
        ["GET /account/two-factor"] = Access.Staff,
        ["POST /account/two-factor"] = Access.Staff,
        ["GET /account/two-factor/recovery-codes"] = Access.Staff,
        ["POST /account/two-factor/recovery-codes"] = Access.Staff,
        ["POST /account/two-factor/reset"] = Access.Staff,
        ["GET /account/invitation/{token}"] = Access.Anyone,
        ["POST /account/invitation/{token}"] = Access.Anyone,
        ["GET /admin/people"] = Access.Admin,
        ["POST /admin/people"] = Access.Admin,
        ["GET /admin/petitions/{slug}/organisers"] = Access.Admin,
        ["POST /admin/petitions/{slug}/organisers"] = Access.Admin,
        ["POST /admin/petitions/{slug}/organisers/remove"] = Access.Admin,
        ["GET /admin/petitions/new"] = Access.Admin,
        ["POST /admin/petitions/new"] = Access.Admin,
        ["GET /admin/petitions/{slug}/edit"] = Access.Admin,
        ["POST /admin/petitions/{slug}/edit"] = Access.Admin,
        ["GET /admin/petitions/{slug}/revisions"] = Access.Admin,
        ["GET /admin/petitions/{slug}/revisions/{number:int}"] = Access.Admin,
        ["GET /admin/petitions/{slug}/translations"] = Access.Admin,
        ["GET /admin/petitions/{slug}/translations/{language}"] = Access.Admin,
        ["POST /admin/petitions/{slug}/translations/{language}"] = Access.Admin,
        ["POST /admin/petitions/{slug}/translations/{language}/remove"] = Access.Admin,
        ["POST /admin/petitions/{slug}/open"] = Access.Admin,
        ["POST /admin/petitions/{slug}/close"] = Access.Admin,
        ["POST /admin/petitions/{slug}/reopen"] = Access.Admin,
        ["GET /admin/petitions/{slug}/reject"] = Access.Admin,
        ["POST /admin/petitions/{slug}/reject"] = Access.Admin,
        ["GET /admin/petitions/{slug}/signatures"] = Access.Admin,
        ["POST /admin/petitions/{slug}/signatures/invalidate"] = Access.Admin,
        ["POST /admin/petitions/{slug}/signatures/reinstate"] = Access.Admin,
        ["GET /admin/petitions/{slug}/signatures/{id:long}/erase"] = Access.Admin,
        ["POST /admin/petitions/{slug}/signatures/{id:long}/erase"] = Access.Admin,
        ["GET /admin/petitions/{slug}/signatures.csv"] = Access.Admin,
        ["GET /admin/petitions/{slug}/review"] = Access.Admin,
        ["POST /admin/petitions/{slug}/review/invalidate"] = Access.Admin,
        ["GET /admin/audit"] = Access.Admin,
    };

    // HEAD is answered wherever GET is (HeadWhereGetConvention), and must turn away the same people.
    public static TheoryData<string> Endpoints => [.. Expected.Keys, .. Expected.Keys.Where(e => e.StartsWith("GET ", StringComparison.Ordinal)).Select(e => "HEAD " + e[4..])];

    [Fact]
    public void Every_back_office_and_account_endpoint_says_who_may_use_it()
    {
        var mapped = fixture.MappedEndpoints().ToList();
        var unlisted = mapped.Where(e => !Expected.ContainsKey(AsListed(e))).ToList();

        Assert.Contains("GET /admin", mapped);
        Assert.Contains("HEAD /admin", mapped);
        Assert.Contains("POST /account/login", mapped);

        Assert.True(unlisted.Count == 0, "Add these endpoints to AuthorizationMatrixTests.Expected: " + string.Join(", ", unlisted));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Only_the_right_people_reach_an_endpoint(string endpoint)
    {
        var access = Expected[AsListed(endpoint)];
        var (method, path) = (endpoint.Split(' ')[0], Concrete(endpoint.Split(' ')[1]));

        var stranger = await SendAsync(fixture.Site.CreateStaffClient(), method, path);
        if (access == Access.Anyone)
        {
            Assert.False(IsTurnedAway(stranger), $"{endpoint} should be open to anyone, got {(int)stranger.StatusCode} {stranger.Headers.Location}");
            return;
        }

        Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
        Assert.StartsWith("/account/login", stranger.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        var otherOrganiser = await SendAsync(fixture.OtherOrganiser, method, path);
        var organiser = await SendAsync(fixture.Organiser, method, path);
        var admin = await SendAsync(fixture.Admin, method, path);
        AssertReached(admin, endpoint, "an admin");
        switch (access)
        {
            case Access.Staff:
                AssertReached(otherOrganiser, endpoint, "any organiser");
                AssertReached(organiser, endpoint, "any organiser");
                break;
            case Access.PetitionOrganiser:
                Assert.Equal(HttpStatusCode.Forbidden, otherOrganiser.StatusCode);
                AssertReached(organiser, endpoint, "the petition's organiser");
                break;
            case Access.Admin:
                Assert.Equal(HttpStatusCode.Forbidden, otherOrganiser.StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, organiser.StatusCode);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Back_office_pages_are_never_stored_and_posts_need_the_form_token(string endpoint)
    {
        var (method, path) = (endpoint.Split(' ')[0], Concrete(endpoint.Split(' ')[1]));

        var response = await SendAsync(fixture.Admin, method, path);

        if (method == "POST")
        {
            // Sent without the page's form token: refused before it can change anything.
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        else if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        }
    }

    private static string AsListed(string endpoint) =>
        endpoint.StartsWith("HEAD ", StringComparison.Ordinal) ? "GET " + endpoint[5..] : endpoint;

    private static void AssertReached(HttpResponseMessage response, string endpoint, string who) =>
        Assert.False(IsTurnedAway(response), $"{endpoint} should be open to {who}, got {(int)response.StatusCode} {response.Headers.Location}");

    private static bool IsTurnedAway(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal) == true);

    private static async Task<HttpResponseMessage> SendAsync(StaffClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([]);
        }

        var response = await client.Http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    // Route parameters filled in: the petition the organiser looks after, and harmless values for the rest.
    private static string Concrete(string pattern) => RouteParameter().Replace(pattern, match => match.Groups[1].Value switch
    {
        "slug" => PetitionSiteFactory.PetitionSlug,
        "token" => new string('A', 43),
        "language" => "fr",
        _ => "1",
    });

    [GeneratedRegex(@"\{([a-zA-Z]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    public sealed class Site : SiteFixture
    {
        public StaffClient Admin { get; private set; } = null!;

        public StaffClient Organiser { get; private set; } = null!;

        public StaffClient OtherOrganiser { get; private set; } = null!;

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await Site.QueryAsync(db =>
            {
                db.Petitions.Add(new Petition { Slug = "another-petition", Title = "Another petition", Summary = "Another.", BodyMarkdown = "Another.", Goal = 100, State = PetitionState.Open });
                return db.SaveChangesAsync();
            });
            Admin = (await Site.SignedInStaffAsync("matrix-admin@example.org")).Client;
            Organiser = await OrganiserOfAsync("matrix-organiser@example.org", PetitionSiteFactory.PetitionSlug);
            OtherOrganiser = await OrganiserOfAsync("matrix-other@example.org", "another-petition");
        }

        // Every method and route of the back office and accounts, as "GET /admin/petitions/{slug}".
        public IEnumerable<string> MappedEndpoints() =>
            Site.Services.GetRequiredService<EndpointDataSource>().Endpoints
                .OfType<RouteEndpoint>()
                .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]))
                .Where(e => e.Pattern == "/admin" || e.Pattern.StartsWith("/admin/", StringComparison.Ordinal) || e.Pattern.StartsWith("/account/", StringComparison.Ordinal))
                .SelectMany(e => e.Methods.Select(m => $"{m} {e.Pattern}"))
                .Distinct();

        private async Task<StaffClient> OrganiserOfAsync(string email, string slug)
        {
            var member = await Site.CreateStaffAsync(email, Roles.Organiser);
            await Site.QueryAsync(async db =>
            {
                var user = await db.Users.SingleAsync(u => u.Email == email);
                var petition = await db.Petitions.SingleAsync(p => p.Slug == slug);
                db.PetitionOrganisers.Add(new PetitionOrganiser { PetitionId = petition.Id, UserId = user.Id });
                return await db.SaveChangesAsync();
            });
            var client = Site.CreateStaffClient();
            using var response = await client.SignInAsync(member);
            return client;
        }
    }
}
