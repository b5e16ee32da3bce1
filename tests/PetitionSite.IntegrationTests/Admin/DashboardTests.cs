using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Accounts;
using PetitionSite.Admin.Dashboard;
using PetitionSite.Petitions;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Admin;

// Only the first test signs: the others read, so the figures it checks are exactly the signatures it made.
public sealed class DashboardTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const string Slug = PetitionSiteFactory.PetitionSlug;

    [Fact]
    public async Task The_dashboard_shows_the_figures_of_the_signatures_made()
    {
        var amal = Supporter.New("Amal", "Haddad") with { ShowNamePublicly = true, Source = "newsletter", Postcode = "SW1A 1AA" };
        var bruno = Supporter.New("Bruno", "Lefèvre") with { ShowNamePublicly = true, Country = "FR", Source = "whatsapp" };
        var hidden = Supporter.New("Hidden", "Person");
        var waiting = Supporter.New("Waiting", "Signer") with { ShowNamePublicly = true, Country = "DE" };
        foreach (var supporter in new[] { amal, bruno, hidden })
        {
            var client = fixture.NewSupporter();
            using var confirmed = await client.ConfirmAsync(await fixture.SignAndGetLinkAsync(supporter, client));
            Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        }

        await fixture.SignAndGetLinkAsync(waiting);
        var (admin, member) = await fixture.Site.SignedInStaffAsync("dashboard-admin@example.org");
        var hourBefore = DateTime.UtcNow;

        // Dashboards share one reading for up to DashboardQueries.ReadingLifetime: open until it includes these signatures.
        var page = await OpenUntilAsync(admin, $"/admin/petitions/{Slug}", p => Figure(p, "confirmed") == "3");

        var hourAfter = DateTime.UtcNow;
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var goal = await fixture.Site.QueryAsync(db => db.Petitions.Where(p => p.Slug == Slug).Select(p => p.Goal).SingleAsync());
        Assert.Equal("3", Figure(page, "confirmed"));
        Assert.Equal("1", Figure(page, "awaiting"));
        Assert.Equal("75.0%", Figure(page, "confirmedPercent"));
        Assert.Equal($"{3 * 100 / goal}%", Figure(page, "progressPercent"));

        var hours = Rows(page, "chart-hours");
        Assert.Equal(48, hours.Count);
        Assert.Equal(3, hours.Sum(h => int.Parse(h.Value, CultureInfo.InvariantCulture)));
        Assert.Contains(hours[^1].Label, new[] { HourLabel(hourBefore), HourLabel(hourAfter) });
        Assert.Equal(3, Rows(page, "chart-days").Sum(d => int.Parse(d.Value, CultureInfo.InvariantCulture)));
        Assert.NotNull(page.Document.QuerySelector("svg#chart-hours[role=img] rect.bar"));

        Assert.Equal([("United Kingdom", "2"), ("France", "1")], TableRows(page, "Confirmed signatures by country"));
        Assert.Equal([("Direct or unknown", "1"), ("newsletter", "1"), ("whatsapp", "1")], TableRows(page, "Confirmed signatures by source"));

        var signers = page.Document.QuerySelectorAll(".latest-signers li").Select(li => WebPage.Normalize(li.TextContent)).ToList();
        Assert.Equal(["Bruno Lefèvre", "Amal Haddad"], signers);
        var html = page.Document.DocumentElement.OuterHtml;
        foreach (var supporter in new[] { amal, bruno, hidden, waiting })
        {
            Assert.DoesNotContain(supporter.Email, html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("Hidden Person", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Waiting Signer", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("SW1A", html, StringComparison.Ordinal);
        Assert.Contains(member.Email, page.Text, StringComparison.Ordinal);

        using var json = await admin.Http.GetAsync($"/admin/petitions/{Slug}/figures.json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Contains("no-store", json.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        using var figures = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        var root = figures.RootElement;
        Assert.Equal(3, root.GetProperty("confirmed").GetInt32());
        Assert.Equal(1, root.GetProperty("awaiting").GetInt32());
        Assert.Equal(0, root.GetProperty("invalidated").GetInt32());
        Assert.Equal(75.0, root.GetProperty("confirmedPercent").GetDouble());
        Assert.Equal(3 * 100 / goal, root.GetProperty("progressPercent").GetInt32());
        Assert.InRange(root.GetProperty("thisHour").GetInt32(), 0, 3);
    }

    [Fact]
    public async Task The_dashboard_draws_its_charts_without_inline_styles_or_scripts()
    {
        var (admin, _) = await fixture.Site.SignedInStaffAsync($"charts-{Guid.NewGuid():N}@example.org");

        var page = await admin.OpenAsync($"/admin/petitions/{Slug}");

        Assert.Empty(page.Document.QuerySelectorAll("[style]"));
        Assert.All(page.Document.QuerySelectorAll("script"), script => Assert.True(script.HasAttribute("src") && script.HasAttribute("defer")));
        foreach (var id in new[] { "chart-hours", "chart-days" })
        {
            var svg = page.Document.QuerySelector($"svg#{id}")!;
            Assert.Equal($"{id}-title {id}-desc", svg.GetAttribute("aria-labelledby"));
            Assert.NotNull(page.Document.QuerySelector($"#{id}-title"));
            Assert.NotEmpty(svg.QuerySelectorAll("text"));
        }

        Assert.All(page.Document.QuerySelectorAll("table"), table => Assert.NotNull(table.QuerySelector("caption")));
        Assert.All(page.Document.QuerySelectorAll("th"), th => Assert.NotNull(th.GetAttribute("scope")));
    }

    [Fact]
    public async Task An_organiser_of_another_petition_is_refused_and_an_organiser_of_this_one_is_let_in()
    {
        var otherSlug = "other-" + Guid.NewGuid().ToString("N")[..8];
        var (stranger, strangerMember) = await fixture.Site.SignedInStaffAsync($"stranger-{Guid.NewGuid():N}@example.org", Roles.Organiser, withTwoFactor: false);
        var (organiser, organiserMember) = await fixture.Site.SignedInStaffAsync($"organiser-{Guid.NewGuid():N}@example.org", Roles.Organiser, withTwoFactor: false);
        await fixture.Site.QueryAsync(async db =>
        {
            // Made today: the dashboard draws a day for every day since a petition was made, and the default date is year 1.
            var other = new Petition { Slug = otherSlug, Title = "Another petition", Summary = "Another", BodyMarkdown = "Another", Goal = 100, State = PetitionState.Open, CreatedAt = DateTime.UtcNow };
            db.Petitions.Add(other);
            await db.SaveChangesAsync();
            var ours = await db.Petitions.SingleAsync(p => p.Slug == Slug);
            var users = await db.Users.Where(u => u.Email == strangerMember.Email || u.Email == organiserMember.Email).ToDictionaryAsync(u => u.Email!, u => u.Id);
            db.PetitionOrganisers.Add(new PetitionOrganiser { PetitionId = other.Id, UserId = users[strangerMember.Email] });
            db.PetitionOrganisers.Add(new PetitionOrganiser { PetitionId = ours.Id, UserId = users[organiserMember.Email] });
            return await db.SaveChangesAsync();
        });

        using var refused = await stranger.Http.GetAsync($"/admin/petitions/{Slug}");
        using var refusedFigures = await stranger.Http.GetAsync($"/admin/petitions/{Slug}/figures.json");
        using var ownPetition = await stranger.Http.GetAsync($"/admin/petitions/{otherSlug}");
        using var allowed = await organiser.Http.GetAsync($"/admin/petitions/{Slug}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedFigures.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownPetition.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        var page = await WebPage.ReadAsync(allowed);
        Assert.Null(page.Document.QuerySelector($"a[href='/admin/petitions/{Slug}/signatures.csv']"));
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        using var response = await fixture.Site.CreateStaffClient().Http.GetAsync($"/admin/petitions/{Slug}/figures.json");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_petition_is_not_found()
    {
        var (admin, _) = await fixture.Site.SignedInStaffAsync($"unknown-{Guid.NewGuid():N}@example.org");

        using var response = await admin.Http.GetAsync("/admin/petitions/no-such-petition");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_organiser_makes_a_link_for_a_channel_with_the_source_cleaned()
    {
        var (admin, _) = await fixture.Site.SignedInStaffAsync($"channel-{Guid.NewGuid():N}@example.org");

        var page = await admin.OpenAsync($"/admin/petitions/{Slug}?channel=" + Uri.EscapeDataString(" News Letter!December "));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"http://petitions.test/petitions/{Slug}?source=newsletterdecember", page.ValueOf("#channel-link"));
        Assert.Equal(" News Letter!December ", page.ValueOf("#channel"));
    }

    [Fact]
    public async Task A_channel_name_with_nothing_to_keep_is_explained_beside_the_field()
    {
        var (admin, _) = await fixture.Site.SignedInStaffAsync($"bad-channel-{Guid.NewGuid():N}@example.org");

        var page = await admin.OpenAsync($"/admin/petitions/{Slug}?channel=" + Uri.EscapeDataString("!!!"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.NotNull(page.Document.QuerySelector(".error-summary[role=alert]"));
        Assert.Contains("Enter a channel name", page.Document.QuerySelector("#channel-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("!!!", page.ValueOf("#channel"));
        Assert.Null(page.Document.QuerySelector("#channel-link"));
    }

    private static string? Figure(WebPage page, string name) =>
        page.Document.QuerySelector($"dd[data-figure={name}], strong[data-figure={name}]")?.TextContent.Trim();

    private static string HourLabel(DateTime utc) => utc.ToString("d MMM HH:00", CultureInfo.InvariantCulture);

    private static List<(string Label, string Value)> Rows(WebPage page, string chartId) =>
        page.Document.QuerySelector($"svg#{chartId}")!.ParentElement!.QuerySelectorAll("tbody tr")
            .Select(row => (row.QuerySelector("th")!.TextContent.Trim(), row.QuerySelector("td")!.TextContent.Trim()))
            .ToList();

    private static List<(string Label, string Value)> TableRows(WebPage page, string caption) =>
        page.Document.QuerySelectorAll("table")
            .Single(table => table.QuerySelector("caption")?.TextContent.Trim() == caption)
            .QuerySelectorAll("tbody tr")
            .Select(row => (row.QuerySelector("th")!.TextContent.Trim(), row.QuerySelector("td")!.TextContent.Trim()))
            .ToList();

    private static async Task<WebPage> OpenUntilAsync(StaffClient client, string path, Func<WebPage, bool> shows)
    {
        var deadline = DateTime.UtcNow + (2 * DashboardQueries.ReadingLifetime) + TimeSpan.FromSeconds(1);
        while (true)
        {
            var page = await client.OpenAsync(path);
            if (page.Status != HttpStatusCode.OK || shows(page) || DateTime.UtcNow > deadline)
            {
                return page;
            }

            await Task.Delay(100);
        }
    }
}
