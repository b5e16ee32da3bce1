using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PetitionSite.Sharing;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Sharing;

// Only the embed card may be framed by another site: every other route answers with frame-ancestors 'none'.
public sealed class FramingTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task The_embed_card_is_the_only_route_other_sites_may_frame()
    {
        var routes = fixture.Site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var framable = routes.Where(route => route.Metadata.GetMetadata<FramableByOtherSitesAttribute>() is not null).Select(PatternOf);
        Assert.Equal([EmbedPattern], framable);

        var http = fixture.NewSupporter().Http;
        var checkedRoutes = 0;
        foreach (var route in routes.Where(AnswersGet))
        {
            var path = AddressOf(PatternOf(route));
            using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
            var policy = response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values.Single() : "";
            var framableHere = PatternOf(route) == EmbedPattern;
            Assert.True(
                policy.Contains("frame-ancestors 'none'", StringComparison.Ordinal) != framableHere,
                $"GET {path} ({(int)response.StatusCode}) answered with the policy: {policy}");
            checkedRoutes++;
        }

        Assert.True(checkedRoutes > 10, $"Only {checkedRoutes} routes were checked");
    }

    private const string EmbedPattern = "/petitions/{slug}/embed";

    private static string PatternOf(RouteEndpoint route) => "/" + route.RoutePattern.RawText!.TrimStart('/');

    private static bool AnswersGet(RouteEndpoint route) =>
        route.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET");

    // Fills route parameters: the seeded petition where a slug is expected, 404 elsewhere (a number, which any constraint accepts).
    private static string AddressOf(string pattern)
    {
        var path = pattern.Replace("{slug}", PetitionSiteFactory.PetitionSlug, StringComparison.Ordinal);
        path = System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", "404");
        return path;
    }
}
