using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PetitionSite.Accounts;
using PetitionSite.Admin;
using PetitionSite.Admin.Audit;
using PetitionSite.Admin.FraudReview;
using PetitionSite.Petitions;
using PetitionSite.Signing;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Admin;

// Each test makes a petition of its own with a quiet day behind it and a scripted burst in its last hour, placed on the
// site's clock; most rows are stored directly for volume, a few come through the signing form from a chosen address.
public sealed class FraudReviewTests(FraudReviewSite fixture) : IClassFixture<FraudReviewSite>
{
    private const string BotNetwork = "203.0.113.0/24";
    private const string BotDomain = "bots.example.net";

    private DateTime Now => fixture.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task The_page_flags_the_busy_network_and_domain_with_their_counts_and_marks_the_spike()
    {
        var petition = await BurstAsync();
        var fromForm = Supporter.New("Form", "Signer") with { Email = $"form-{Guid.NewGuid():N}@{BotDomain}" };
        var client = fixture.SupporterFrom("203.0.113.200");
        using var confirmed = await client.ConfirmAsync(await fixture.SignAndGetLinkAsync(fromForm, petition.Slug, client));
        await fixture.SignAndGetLinkAsync(Supporter.New("Six", "Four"), petition.Slug, fixture.SupporterFrom("2001:db8:1:2::99"));

        var page = await petition.Admin.OpenAsync(Review(petition.Slug));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var hour = page.Document.QuerySelector("section[aria-labelledby=hour]")!;
        var inHour = petition.Seeds.Where(s => s.At >= FraudReviewQueries.StartOf(TimeSpan.FromHours(1), Now)).ToList();
        var network = RowOf(hour, "networks", BotNetwork);
        var fromBots = inHour.Where(s => s.Address.StartsWith("203.0.113.", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [N(fromBots.Count + 1), N(fromBots.Count(s => s.Confirmed) + 1), N(fromBots.Count(s => !s.Confirmed))],
            [Cell(network, 1), Cell(network, 3), Cell(network, 4)]);
        Assert.Contains("flagged", network.ClassList);
        Assert.StartsWith("Unusual:", Cell(network, 6), StringComparison.Ordinal);
        var prefill = network.QuerySelector("a[href*='#bulk']")!.GetAttribute("href")!;
        Assert.Contains("Network=203.0.113.0%2F24", prefill, StringComparison.Ordinal);

        var domain = RowOf(hour, "domains", BotDomain);
        Assert.Equal(N(inHour.Count(s => s.Email.EndsWith("@" + BotDomain, StringComparison.Ordinal)) + 1), Cell(domain, 1));
        Assert.Contains("flagged", domain.ClassList);
        var gmail = RowOf(hour, "domains", "gmail.com");
        Assert.DoesNotContain("flagged", gmail.ClassList);
        Assert.Equal("Large mail provider, not flagged", Cell(gmail, 6));
        var ipv6 = await petition.Admin.OpenAsync($"/admin/petitions/{petition.Slug}/signatures?Network=" + Uri.EscapeDataString("2001:db8:1:2::/64"));
        Assert.Contains("1 signature matches", ipv6.Text, StringComparison.Ordinal);
        Assert.All(page.Document.QuerySelectorAll("section[aria-labelledby=day] table[class=review-table] tr.flagged th"), th => Assert.Contains(th.TextContent.Trim(), new[] { BotNetwork, BotDomain, SpikeLabel(petition.Burst) }));

        Assert.Single(hour.QuerySelectorAll("svg#chart-hour rect.bar.marked"));
        var spike = Assert.Single(hour.QuerySelectorAll("tr.flagged"), r => r.QuerySelector("th")!.TextContent.Trim() == SpikeLabel(petition.Burst));
        Assert.Equal(N(inHour.Count(s => s.At >= petition.Burst && s.At < petition.Burst.AddMinutes(5))), Cell(spike, 1));
        Assert.Contains($"To={Minute(petition.Burst.AddMinutes(5))}", spike.QuerySelector("a[href*='#bulk']")!.GetAttribute("href")!.Replace("%3A", ":", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flagged_rows_links_fill_in_the_bulk_form_and_list_the_same_signatures()
    {
        var petition = await BurstAsync();
        var page = await petition.Admin.OpenAsync(Review(petition.Slug));
        var row = RowOf(page.Document.QuerySelector("section[aria-labelledby=hour]")!, "networks", BotNetwork);

        var prefilled = await petition.Admin.OpenAsync(row.QuerySelector("a[href*='#bulk']")!.GetAttribute("href")!);
        var listed = await petition.Admin.OpenAsync(row.QuerySelector("a[href*='/signatures?']")!.GetAttribute("href")!);

        Assert.Equal(BotNetwork, prefilled.ValueOf("#Network"));
        Assert.Equal(Minute(FraudReviewQueries.StartOf(TimeSpan.FromHours(1), Now)), prefilled.ValueOf("#From"));
        Assert.Equal("", prefilled.ValueOf("#Domain"));
        Assert.Equal(HttpStatusCode.OK, listed.Status);
        Assert.Contains($"{N(petition.Seeds.Count(s => s.Address.StartsWith("203.0.113.", StringComparison.Ordinal)))} signatures match", listed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Previewing_counts_the_matches_of_every_criterion_and_changes_nothing()
    {
        var petition = await BurstAsync();
        var before = await StatesAsync(petition.Slug);
        var countBefore = await fixture.PublicCountAsync(petition.Slug);

        using var response = await petition.Admin.PostFormAsync(Invalidate(petition.Slug), Criteria(petition.Burst), Review(petition.Slug));
        var preview = await WebPage.ReadAsync(response);

        var matches = petition.BurstRows;
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains($"{matches.Count} signatures will be invalidated", preview.Text, StringComparison.Ordinal);
        Assert.Contains($"{matches.Count(s => s.Confirmed)} of them are confirmed: the public count will fall by {matches.Count(s => s.Confirmed)}", preview.Text, StringComparison.Ordinal);
        Assert.Contains($"{matches.Count(s => !s.Confirmed)} are awaiting confirmation", preview.Text, StringComparison.Ordinal);
        var sample = preview.Document.QuerySelectorAll("table tbody tr");
        Assert.Equal(20, sample.Length);
        Assert.All(sample, r => Assert.EndsWith("@" + BotDomain, r.QuerySelectorAll("td")[0].TextContent, StringComparison.Ordinal));
        Assert.Equal(before, await StatesAsync(petition.Slug));
        Assert.Equal(countBefore, await fixture.PublicCountAsync(petition.Slug));

        var wider = await PreviewTextAsync(petition, [new("Network", "203.0.112.0/22"), new("Reason", "Range")]);
        var oneAddress = await PreviewTextAsync(petition, [new("Network", "203.0.113.5"), new("Reason", "One host")]);
        Assert.Contains($"{petition.Seeds.Count(s => s.Address.StartsWith("203.0.113.", StringComparison.Ordinal))} signatures will be invalidated", wider, StringComparison.Ordinal);
        Assert.Contains("1 signature will be invalidated", oneAddress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_invalidates_exactly_the_matches_lowers_the_public_count_and_counters_and_is_audited()
    {
        var petition = await BurstAsync();
        var countBefore = await fixture.PublicCountAsync(petition.Slug);
        var countersBefore = await CountersAsync(petition.Slug);
        var statesBefore = await StatesAsync(petition.Slug);
        using var response = await petition.Admin.PostFormAsync(Invalidate(petition.Slug), Criteria(petition.Burst), Review(petition.Slug));
        var preview = await WebPage.ReadAsync(response);

        // Someone signing from the same network between the preview and the confirmation is not swept in.
        var late = Supporter.New("Late", "Signer") with { Email = $"late-{Guid.NewGuid():N}@{BotDomain}" };
        await fixture.SignAndGetLinkAsync(late, petition.Slug, fixture.SupporterFrom("203.0.113.77"));
        var confirmation = preview.Document.QuerySelectorAll("form[action$='/review/invalidate'] input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Where(f => f.Key != "__form")
            .ToList();
        using var done = await petition.Admin.PostFormAsync(Invalidate(petition.Slug), confirmation, Review(petition.Slug));

        var matches = petition.BurstRows;
        var confirmedMatches = matches.Count(s => s.Confirmed);
        Assert.Equal(HttpStatusCode.SeeOther, done.StatusCode);
        Assert.Equal($"/admin/petitions/{petition.Slug}/review?done=invalidated&changed={matches.Count}", done.Headers.Location!.OriginalString);
        var after = await StatesAsync(petition.Slug);
        var emails = matches.Select(s => s.Email).ToHashSet();
        Assert.All(after.Where(s => emails.Contains(s.Key)), s => Assert.Equal(SignatureState.Invalidated, s.Value));
        Assert.Equal(statesBefore.Where(s => !emails.Contains(s.Key)), after.Where(s => !emails.Contains(s.Key) && s.Key != late.Email));
        Assert.Equal(SignatureState.Pending, after[late.Email]);
        Assert.All(
            await fixture.Site.QueryAsync(db => db.Signatures.Where(s => s.State == SignatureState.Invalidated && s.Petition!.Slug == petition.Slug).Select(s => s.InvalidationReason).ToListAsync()),
            reason => Assert.Equal("Scripted burst from one network", reason));
        Assert.Equal(countBefore - confirmedMatches, await fixture.PublicCountAsync(petition.Slug));
        Assert.Equal(countersBefore.Select(c => c - confirmedMatches), await CountersAsync(petition.Slug));

        var audit = Assert.Single(await fixture.Site.QueryAsync(db => db.AuditEntries.Where(e => e.PetitionSlug == petition.Slug && e.Action == AuditAction.SignaturesInvalidated).ToListAsync()));
        Assert.StartsWith($"{matches.Count} signatures invalidated ({confirmedMatches} confirmed)", audit.Details, StringComparison.Ordinal);
        Assert.Contains($"network {BotNetwork}", audit.Details, StringComparison.Ordinal);
        Assert.Contains($"email domain {BotDomain}", audit.Details, StringComparison.Ordinal);
        Assert.Contains("Reason: Scripted burst from one network", audit.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("@", audit.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.1", audit.Details, StringComparison.Ordinal);

        var page = await petition.Admin.OpenAsync(done.Headers.Location.OriginalString);
        Assert.Contains($"{matches.Count} signatures invalidated", page.Document.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("svg#chart-hour rect.bar.marked"));
    }

    public static TheoryData<string, string, string, string, string, string> BadInputs => new()
    {
        { "", "", "", "", "Checking", "Give a network, an email domain or a time window" },
        { "203.0.113", "", "", "", "Checking", "Enter a network as the review shows it" },
        { "10.0.0.0/8", "", "", "", "Checking", "too wide" },
        { "2001:db8::/96", "", "", "", "Checking", "narrower than a network but wider than 256 addresses" },
        { "", "bob@example.org", "", "", "Checking", "Enter only the domain" },
        { "", "not a domain", "", "", "Checking", "Enter an email domain such as example.org" },
        { "", "", "yesterday", "", "Checking", "Enter the start as a date and time" },
        { "", "", "2026-05-02T10:00", "2026-05-02T09:00", "Checking", "The end must be after the start" },
        { BotNetwork, "", "", "", "  ", "Give the reason for invalidating" },
        { BotNetwork, "", "", "", new string('x', 501), "The reason is at most 500 characters" },
        { BotNetwork, "", "", "", "Tab\there", "must not contain control characters" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_refused_with_the_form_as_typed_and_changes_nothing(string network, string domain, string from, string to, string reason, string problem)
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        const string slug = PetitionSiteFactory.PetitionSlug;
        var invalidated = await fixture.Site.QueryAsync(db => db.Signatures.CountAsync(s => s.State == SignatureState.Invalidated));
        List<KeyValuePair<string, string>> fields = [new("Network", network), new("Domain", domain), new("From", from), new("To", to), new("Reason", reason)];

        using var preview = await admin.PostFormAsync(Invalidate(slug), fields, Review(slug));
        using var confirmed = await admin.PostFormAsync(Invalidate(slug), [.. fields, new("UpTo", "999999"), new("Confirmed", "true")], Review(slug));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, preview.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, confirmed.StatusCode);
        var page = await WebPage.ReadAsync(preview);
        Assert.Contains(problem, page.Document.QuerySelector(".error-summary[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("[aria-invalid=true]"));
        Assert.Equal([network, domain, from, to], [page.ValueOf("#Network"), page.ValueOf("#Domain"), page.ValueOf("#From"), page.ValueOf("#To")]);
        Assert.Equal(reason.Trim(), page.Document.QuerySelector("textarea#Reason")!.TextContent);
        Assert.Equal(invalidated, await fixture.Site.QueryAsync(db => db.Signatures.CountAsync(s => s.State == SignatureState.Invalidated)));
        Assert.Equal(0, await fixture.Site.QueryAsync(db => db.AuditEntries.CountAsync(e => e.PetitionSlug == slug && e.Action == AuditAction.SignaturesInvalidated)));
    }

    [Fact]
    public async Task An_organiser_of_the_petition_and_an_admin_without_a_second_factor_cannot_use_it()
    {
        var (_, member) = await fixture.Site.SignedInStaffAsync($"organiser-{Guid.NewGuid():N}@example.org", Roles.Organiser);
        await fixture.Site.QueryAsync(async db =>
        {
            var petition = await db.Petitions.SingleAsync(p => p.Slug == PetitionSiteFactory.PetitionSlug);
            var user = await db.Users.SingleAsync(u => u.Email == member.Email);
            db.PetitionOrganisers.Add(new PetitionOrganiser { PetitionId = petition.Id, UserId = user.Id });
            return await db.SaveChangesAsync();
        });
        var organiser = fixture.Site.CreateStaffClient();
        using (await organiser.SignInAsync(member))
        {
        }

        var (noSecondFactor, _) = await fixture.Site.SignedInStaffAsync($"no-2fa-{Guid.NewGuid():N}@example.org", Roles.Admin, withTwoFactor: false);
        var path = Review(PetitionSiteFactory.PetitionSlug);
        List<KeyValuePair<string, string>> fields = [new("Network", BotNetwork), new("Reason", "x"), new("UpTo", "999999"), new("Confirmed", "true")];

        using var organiserPage = await organiser.Http.GetAsync(path);
        using var organiserPost = await organiser.PostFormAsync(Invalidate(PetitionSiteFactory.PetitionSlug), fields, formPage: "/admin");
        using var withoutPage = await noSecondFactor.Http.GetAsync(path + "?Network=" + Uri.EscapeDataString(BotNetwork));
        using var withoutPost = await noSecondFactor.PostFormAsync(Invalidate(PetitionSiteFactory.PetitionSlug), fields, formPage: "/admin");

        Assert.Equal(HttpStatusCode.Forbidden, organiserPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, organiserPost.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withoutPage.StatusCode);
        Assert.Equal("/account/two-factor?returnUrl=" + Uri.EscapeDataString(path + "?Network=" + Uri.EscapeDataString(BotNetwork)), withoutPage.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, withoutPost.StatusCode);
        Assert.Equal("/account/two-factor", withoutPost.Headers.Location!.OriginalString);
        var dashboard = await organiser.OpenAsync($"/admin/petitions/{PetitionSiteFactory.PetitionSlug}");
        Assert.Null(dashboard.Document.QuerySelector("a[href$='/review']"));
    }

    [Fact]
    public async Task The_petition_dashboard_links_admins_to_the_review()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();

        var page = await admin.OpenAsync($"/admin/petitions/{PetitionSiteFactory.PetitionSlug}");

        Assert.Equal("Fraud review", page.Document.QuerySelector($"a[href='{Review(PetitionSiteFactory.PetitionSlug)}']")?.TextContent);
    }

    private static string Review(string slug) => $"/admin/petitions/{slug}/review";

    private static string Invalidate(string slug) => Review(slug) + "/invalidate";

    private static string N(int n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static string Minute(DateTime at) => DateTimeLocalInput.Format(at);

    private static string SpikeLabel(DateTime start) =>
        $"{start.ToString("d MMM HH:mm", System.Globalization.CultureInfo.InvariantCulture)}–{start.AddMinutes(5).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)}";

    private static List<KeyValuePair<string, string>> Criteria(DateTime burst) =>
        [new("Network", BotNetwork), new("Domain", BotDomain), new("From", Minute(burst)), new("To", ""), new("Reason", "Scripted burst from one network")];

    private static IElement RowOf(IElement window, string table, string key) =>
        window.QuerySelector($"h3[id$='-{table}'] + .table-scroll")!.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == key);

    // The text of a row's cell: 0 is the row's heading, then its figures in the order of the columns.
    private static string Cell(IElement row, int index) => WebPage.Normalize(row.Children[index].TextContent);

    private static async Task<string> PreviewTextAsync(ReviewedBurst petition, List<KeyValuePair<string, string>> fields)
    {
        using var response = await petition.Admin.PostFormAsync(Invalidate(petition.Slug), fields, Review(petition.Slug));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await WebPage.ReadAsync(response)).Text;
    }

    // A new open petition with: a quiet day (one confirmed signature every two hours, each from its own network and domain);
    // fifteen gmail.com signers spread over the last hour; and a burst of thirty from one network and one email domain
    // within five minutes, ten of them confirmed, beside a few from that network or that domain alone and one just before.
    private async Task<ReviewedBurst> BurstAsync()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = await admin.CreateOpenPetitionAsync();
        var now = Now;
        var hourFrom = FraudReviewQueries.StartOf(TimeSpan.FromHours(1), now);
        var burst = hourFrom.AddMinutes(30);
        string Unique(string local, string domain) => $"{local}-{Guid.NewGuid():N}@{domain}";
        List<Seed> seeds = [];
        seeds.AddRange(Enumerable.Range(1, 11).Select(i => new Seed($"198.51.{i}.10", Unique("person", $"town{i}.example.org"), now.AddHours(-2 * i), Confirmed: true)));
        seeds.AddRange(Enumerable.Range(0, 15).Select(i => new Seed($"192.0.{i}.20", Unique("webmail", "gmail.com"), hourFrom.AddMinutes((3 * i) + 1), Confirmed: i % 2 == 0)));
        var burstRows = Enumerable.Range(0, 30).Select(i => new Seed($"203.0.113.{i + 1}", Unique("bot", BotDomain), burst.AddSeconds(8 * i), Confirmed: i < 10)).ToList();
        seeds.AddRange(burstRows);
        seeds.AddRange(Enumerable.Range(0, 3).Select(i => new Seed($"203.0.113.{100 + i}", Unique("office", "example.com"), burst.AddMinutes(1))));
        seeds.AddRange(Enumerable.Range(0, 2).Select(i => new Seed($"198.18.0.{i + 1}", Unique("elsewhere", BotDomain), burst.AddMinutes(2))));
        seeds.Add(new Seed("203.0.113.250", Unique("early", BotDomain), burst.AddMinutes(-10), Confirmed: true));

        await fixture.Site.QueryAsync(async db =>
        {
            var petitionId = await db.Petitions.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Signatures.AddRange(seeds.Select(s => new Signature
            {
                PetitionId = petitionId,
                FirstName = "Seeded",
                LastName = "Signer",
                Email = s.Email,
                NormalizedEmail = s.Email,
                CountryCode = "GB",
                State = s.Confirmed ? SignatureState.Validated : SignatureState.Pending,
                CreatedAt = s.At,
                ConfirmedAt = s.Confirmed ? s.At : null,
                ClientAddress = s.Address,
                ClientNetwork = PetitionSite.Site.ClientAddress.NetworkOf(IPAddress.Parse(s.Address)),
            }));
            await db.SaveChangesAsync();
            // Counted as a confirmation would count them, so invalidating them later moves the count back exactly.
            await PetitionCounts.MoveAsync(db, petitionId, [.. seeds.Where(s => s.Confirmed).Select(s => new CountedSignature(s.At, "GB", null))], +1, CancellationToken.None);
            await transaction.CommitAsync();
            return 0;
        });
        await fixture.Site.Services.GetRequiredService<IOutputCacheStore>().EvictCountOfAsync(slug);
        return new ReviewedBurst(admin, slug, burst, seeds, burstRows);
    }

    private Task<Dictionary<string, SignatureState>> StatesAsync(string slug) =>
        fixture.Site.QueryAsync(db => db.Signatures.Where(s => s.Petition!.Slug == slug).ToDictionaryAsync(s => s.Email, s => s.State));

    // The petition's hour counters together, and its country and source counters: each drops by one per confirmed signature invalidated.
    private Task<int[]> CountersAsync(string slug) =>
        fixture.Site.QueryAsync(async db =>
        {
            var petitionId = await db.Petitions.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            var counters = await db.SignatureCounters.Where(c => c.PetitionId == petitionId).ToListAsync();
            return new[]
            {
                counters.Where(c => c.Kind == SignatureCounterKind.Hour).Sum(c => c.Count),
                counters.Where(c => c.Kind == SignatureCounterKind.Country && c.Key == "GB").Sum(c => c.Count),
                counters.Where(c => c.Kind == SignatureCounterKind.Source && c.Key == "").Sum(c => c.Count),
            };
        });

    private sealed record Seed(string Address, string Email, DateTime At, bool Confirmed = false);

    private sealed record ReviewedBurst(StaffClient Admin, string Slug, DateTime Burst, IReadOnlyList<Seed> Seeds, IReadOnlyList<Seed> BurstRows);
}
