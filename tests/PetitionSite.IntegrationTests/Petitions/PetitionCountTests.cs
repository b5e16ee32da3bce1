using System.Net;
using System.Text.Json;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Petitions;

public sealed class PetitionCountTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task The_count_is_served_as_json_with_slug_title_signatures_goal_and_open()
    {
        using var response = await fixture.NewSupporter().Http.GetAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}/count.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var count = json.RootElement;
        Assert.Equal(["slug", "title", "signatures", "goal", "open"], count.EnumerateObject().Select(p => p.Name));
        Assert.Equal(PetitionSiteFactory.PetitionSlug, count.GetProperty("slug").GetString());
        Assert.Equal("Free Walid Daqqah!", count.GetProperty("title").GetString());
        Assert.Equal(0, count.GetProperty("signatures").GetInt32());
        Assert.Equal(10000, count.GetProperty("goal").GetInt32());
        Assert.True(count.GetProperty("open").GetBoolean());
    }

    [Fact]
    public async Task The_count_of_an_unknown_petition_is_not_found()
    {
        using var response = await fixture.NewSupporter().Http.GetAsync("/petitions/no-such-petition/count.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
