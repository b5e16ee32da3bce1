using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Net;
using System.Text.Json;
using PetitionSite.Petitions;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.OpenData;

// /petitions.json and /petitions/{slug}.json: the numbers, readable by any site, never anything about a signer.
public sealed class OpenDataTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task The_list_gives_every_public_petition_with_its_numbers_and_addresses()
    {
        var slug = await NewPetitionAsync();
        await NewPetitionAsync(PetitionState.Pending, "draft");
        await NewPetitionAsync(PetitionState.Rejected, "refused");
        // Made straight in the database, so the list cached by an earlier test is dropped as the back office would.
        await fixture.Site.Services.GetRequiredService<IOutputCacheStore>().EvictCountOfAsync(slug);

        using var response = await fixture.NewSupporter().Http.GetAsync("/petitions.json");
        using var json = await JsonOf(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var root = json.RootElement;
        Assert.Equal(["schema", "petitions", "generatedAt"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("schema").GetInt32());
        var slugs = root.GetProperty("petitions").EnumerateArray().Select(p => p.GetProperty("slug").GetString()).ToList();
        Assert.Contains(PetitionSiteFactory.PetitionSlug, slugs);
        Assert.DoesNotContain(slugs, s => s!.StartsWith("draft", StringComparison.Ordinal) || s.StartsWith("refused", StringComparison.Ordinal));
        var petition = root.GetProperty("petitions").EnumerateArray().Single(p => p.GetProperty("slug").GetString() == slug);
        Assert.Equal(
            ["slug", "title", "state", "signatures", "goal", "openedAt", "closesAt", "closedAt", "url", "dataUrl"],
            petition.EnumerateObject().Select(p => p.Name));
        Assert.Equal("open", petition.GetProperty("state").GetString());
        Assert.Equal(0, petition.GetProperty("signatures").GetInt32());
        Assert.Equal(500, petition.GetProperty("goal").GetInt32());
        Assert.EndsWith("Z", petition.GetProperty("openedAt").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, petition.GetProperty("closedAt").ValueKind);
        Assert.Equal($"http://petitions.test/petitions/{slug}", petition.GetProperty("url").GetString());
        Assert.Equal($"http://petitions.test/petitions/{slug}.json", petition.GetProperty("dataUrl").GetString());
    }

    [Fact]
    public async Task A_petition_gives_its_confirmed_signatures_by_country_day_and_hour()
    {
        var slug = await NewPetitionAsync(openedDaysAgo: 2);
        var french = Supporter.New("Hélène", "Lefèvre") with { Country = "FR" };
        await SignAndConfirmAsync(slug, french);
        await SignAndConfirmAsync(slug, Supporter.New() with { Country = "FR" });
        await SignAndConfirmAsync(slug, Supporter.New("وليد", "دقة") with { Country = "PS" });
        // Signed but never confirmed: not counted anywhere.
        await SignAsync(slug, Supporter.New() with { Country = "DE" });

        var (response, text) = await ReadWhenCountedAsync(slug, 3);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;

        Assert.Equal(
            ["schema", "slug", "title", "state", "signatures", "goal", "openedAt", "closesAt", "closedAt", "url", "byCountry", "byDay", "byHour", "generatedAt"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("schema").GetInt32());
        Assert.Equal(3, root.GetProperty("signatures").GetInt32());
        Assert.Equal(
            [("FR", "France", 2), ("PS", "Palestine", 1)],
            root.GetProperty("byCountry").EnumerateArray().Select(c => (c.GetProperty("code").GetString(), c.GetProperty("name").GetString(), c.GetProperty("signatures").GetInt32())));
        var days = root.GetProperty("byDay").EnumerateArray().Select(d => (d.GetProperty("date").GetString(), d.GetProperty("signatures").GetInt32())).ToList();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(3, days.Count);
        Assert.Equal((today, 3), days[^1]);
        Assert.Equal([0, 0], days.Take(2).Select(d => d.Item2));
        var hours = root.GetProperty("byHour").EnumerateArray().ToList();
        Assert.Equal(48, hours.Count);
        Assert.EndsWith(":00:00Z", hours[^1].GetProperty("hour").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, hours.Sum(h => h.GetProperty("signatures").GetInt32()));
        Assert.DoesNotContain("Lefèvre", text, StringComparison.Ordinal);
        Assert.DoesNotContain(french.Email, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"DE\"", text, StringComparison.Ordinal);
        response.Dispose();
    }

    [Fact]
    public async Task A_confirmation_reaches_the_cached_json_within_two_seconds()
    {
        var slug = await NewPetitionAsync();
        using (var warm = await fixture.NewSupporter().Http.GetAsync($"/petitions/{slug}.json"))
        using (var warmList = await fixture.NewSupporter().Http.GetAsync("/petitions.json"))
        {
            Assert.Equal(0, (await JsonOf(warm)).RootElement.GetProperty("signatures").GetInt32());
        }

        await SignAndConfirmAsync(slug, Supporter.New());
        var started = DateTime.UtcNow;

        var (response, _) = await ReadWhenCountedAsync(slug, 1);
        response.Dispose();
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2), "The petition's JSON did not show the confirmation within two seconds");
        var listed = await PollAsync(async () =>
        {
            using var list = await fixture.NewSupporter().Http.GetAsync("/petitions.json");
            using var json = await JsonOf(list);
            return json.RootElement.GetProperty("petitions").EnumerateArray().Single(p => p.GetProperty("slug").GetString() == slug).GetProperty("signatures").GetInt32() == 1;
        });
        Assert.True(listed, "The list did not show the confirmation within two seconds");
    }

    [Theory]
    [InlineData("/petitions.json")]
    [InlineData("/petitions/free-walid-daqqah.json")]
    [InlineData("/petitions/free-walid-daqqah/count.json")]
    [InlineData("/petitions/no-such-petition.json")]
    public async Task Any_site_may_read_the_numbers_without_credentials(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", "https://partner.example");
        using var response = await fixture.NewSupporter().Http.SendAsync(request);

        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_or_unpublished_petition_is_a_json_not_found()
    {
        var draft = await NewPetitionAsync(PetitionState.Pending, "draft");

        using var unknown = await fixture.NewSupporter().Http.GetAsync("/petitions/no-such-petition.json");
        using var pending = await fixture.NewSupporter().Http.GetAsync($"/petitions/{draft}.json");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pending.StatusCode);
        using var json = await JsonOf(unknown);
        Assert.Equal(1, json.RootElement.GetProperty("schema").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task The_petition_page_and_its_json_are_told_apart()
    {
        using var page = await fixture.NewSupporter().Http.GetAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}");
        using var data = await fixture.NewSupporter().Http.GetAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}.json");

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/json", data.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/petitions.json")]
    [InlineData("/petitions/free-walid-daqqah.json")]
    public async Task The_numbers_answer_head(string path)
    {
        using var response = await fixture.NewSupporter().Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<string> NewPetitionAsync(PetitionState state = PetitionState.Open, string prefix = "open-numbers", int openedDaysAgo = 0)
    {
        var slug = $"{prefix}-{Guid.NewGuid():N}";
        var now = DateTime.UtcNow;
        await fixture.Site.QueryAsync(db =>
        {
            db.Petitions.Add(new Petition
            {
                Slug = slug,
                Title = "Open numbers " + slug,
                Summary = "A petition for the open data tests.",
                BodyMarkdown = "Text.",
                Goal = 500,
                State = state,
                CreatedAt = now.AddDays(-openedDaysAgo),
                OpenedAt = state == PetitionState.Open ? now.AddDays(-openedDaysAgo) : null,
            });
            return db.SaveChangesAsync();
        });
        return slug;
    }

    private async Task<string> SignAsync(string slug, Supporter supporter)
    {
        using var response = await fixture.NewSupporter().SignAsync(supporter, slug);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return PetitionSiteFactory.ConfirmationLinkIn(await fixture.Smtp.WaitForMessageToAsync(supporter.Email));
    }

    private async Task SignAndConfirmAsync(string slug, Supporter supporter)
    {
        using var confirmed = await fixture.NewSupporter().ConfirmAsync(await SignAsync(slug, supporter));
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
    }

    // The petition's JSON as a first visitor gets it, once it shows this many signatures (or after two seconds).
    private async Task<(HttpResponseMessage Response, string Text)> ReadWhenCountedAsync(string slug, int signatures)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(2);
        while (true)
        {
            var response = await fixture.NewSupporter().Http.GetAsync($"/petitions/{slug}.json");
            var text = await response.Content.ReadAsStringAsync();
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.GetProperty("signatures").GetInt32() == signatures || DateTime.UtcNow > deadline)
            {
                return (response, text);
            }

            response.Dispose();
            await Task.Delay(50);
        }
    }

    private static async Task<bool> PollAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(2);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    private static async Task<JsonDocument> JsonOf(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync());
}
