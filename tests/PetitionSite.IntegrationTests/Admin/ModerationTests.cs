using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Admin.Audit;
using PetitionSite.Petitions;
using PetitionSite.Signing;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Admin;

public sealed class ModerationTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const string Signatures = "/admin/petitions/" + PetitionSiteFactory.PetitionSlug + "/signatures";

    [Fact]
    public async Task Searching_by_email_finds_it_typed_with_other_case_and_spaces()
    {
        var supporter = Supporter.New();
        await SignAsync(supporter);
        var client = await AdminAsync();

        var page = await client.OpenAsync(Signatures + "?Email=" + Uri.EscapeDataString("  " + supporter.Email.ToUpperInvariant() + " "));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var id = Assert.Single(IdsOn(page));
        Assert.Equal((await fixture.SignaturesFromAsync(supporter.Email)).Single().Id, id);
        Assert.Contains(supporter.Email, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Searching_by_name_prefix_matches_first_or_last_name_in_any_case()
    {
        var prefix = "Qz" + Guid.NewGuid().ToString("N")[..6];
        await SignAsync(Supporter.New(prefix + "ina", "Smith"));
        await SignAsync(Supporter.New("Omar", prefix + "son"));
        await SignAsync(Supporter.New("Other", "Person"));
        var client = await AdminAsync();

        var page = await client.OpenAsync(Signatures + "?Name=" + prefix.ToLowerInvariant());

        Assert.Equal(2, IdsOn(page).Count);
    }

    [Fact]
    public async Task Searching_by_country_and_source_finds_only_those()
    {
        var source = "news" + Guid.NewGuid().ToString("N")[..8];
        var french = Supporter.New("Marie", "Curie") with { Country = "FR" };
        await SignAsync(french, source);
        await SignAsync(Supporter.New("Ada", "Lovelace"), source);
        var client = await AdminAsync();

        var bySource = await client.OpenAsync($"{Signatures}?Source={source}");
        var bySourceAndCountry = await client.OpenAsync($"{Signatures}?Source={source}&Country=fr");

        Assert.Equal(2, IdsOn(bySource).Count);
        var id = Assert.Single(IdsOn(bySourceAndCountry));
        Assert.Equal((await fixture.SignaturesFromAsync(french.Email)).Single().Id, id);
    }

    [Fact]
    public async Task Searching_by_a_time_window_keeps_signatures_signed_within_it()
    {
        var supporter = Supporter.New();
        await SignAsync(supporter);
        var signedAt = (await fixture.SignaturesFromAsync(supporter.Email)).Single().CreatedAt;
        var client = await AdminAsync();
        string Minute(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        var within = await client.OpenAsync($"{Signatures}?Email={supporter.Email}&From={Minute(signedAt.AddMinutes(-1))}&To={Minute(signedAt.AddMinutes(2))}");
        var before = await client.OpenAsync($"{Signatures}?Email={supporter.Email}&To={Minute(signedAt.AddMinutes(-1))}");
        var badDate = await client.OpenAsync($"{Signatures}?From=yesterday");

        Assert.Single(IdsOn(within));
        Assert.Empty(IdsOn(before));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badDate.Status);
        Assert.Equal("yesterday", badDate.ValueOf("#From"));
        Assert.NotNull(badDate.Document.QuerySelector(".error-summary"));
    }

    [Fact]
    public async Task Invalidating_a_confirmed_signature_lowers_the_public_count_and_counters_at_once()
    {
        var source = "share" + Guid.NewGuid().ToString("N")[..8];
        var supporter = Supporter.New("Walid", "Supporter") with { Country = "PS" };
        await SignAndConfirmAsync(supporter, source);
        var signature = (await fixture.SignaturesFromAsync(supporter.Email)).Single();
        var client = await AdminAsync();
        var countBefore = await fixture.PublicCountAsync();
        var counters = await CountersAsync(signature);

        using var preview = await client.PostFormAsync(Signatures + "/invalidate", Bulk([signature.Id], "Signed twice under two addresses"), Signatures);
        var previewPage = await WebPage.ReadAsync(preview);
        Assert.Equal(HttpStatusCode.OK, previewPage.Status);
        Assert.Contains("1 signature will be invalidated", previewPage.Text, StringComparison.Ordinal);
        Assert.Equal(SignatureState.Validated, (await fixture.SignaturesFromAsync(supporter.Email)).Single().State);

        using var done = await client.PostFormAsync(Signatures + "/invalidate", [.. Bulk([signature.Id], "Signed twice under two addresses"), new("Confirmed", "true")], Signatures);

        Assert.Equal(HttpStatusCode.SeeOther, done.StatusCode);
        var after = (await fixture.SignaturesFromAsync(supporter.Email)).Single();
        Assert.Equal(SignatureState.Invalidated, after.State);
        Assert.Equal("Signed twice under two addresses", after.InvalidationReason);
        Assert.NotNull(after.InvalidatedAt);
        Assert.Equal(countBefore - 1, await fixture.PublicCountAsync());
        var countersAfter = await CountersAsync(signature);
        Assert.Equal(counters.Select(c => c - 1), countersAfter);
        var audit = await AuditAsync(AuditAction.SignaturesInvalidated);
        Assert.Contains(audit, e => e.Details.Contains("1 signatures invalidated (1 confirmed)", StringComparison.Ordinal) && e.Details.Contains("Signed twice", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, e => e.Details.Contains(supporter.Email, StringComparison.Ordinal) || e.Details.Contains("Walid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalidating_every_match_of_a_search_previews_how_many_then_changes_them_all()
    {
        var source = "bot" + Guid.NewGuid().ToString("N")[..8];
        var confirmed = Supporter.New("Bot", "One");
        await SignAndConfirmAsync(confirmed, source);
        await SignAsync(Supporter.New("Bot", "Two"), source);
        await SignAsync(Supporter.New("Bot", "Three"), source);
        var client = await AdminAsync();
        var countBefore = await fixture.PublicCountAsync();
        List<KeyValuePair<string, string>> form = [new("Source", source), new("Scope", "all"), new("Reason", "Automated signing from one address range")];

        using var preview = await client.PostFormAsync(Signatures + "/invalidate", form, Signatures);
        var previewPage = await WebPage.ReadAsync(preview);
        Assert.Contains("3 signatures will be invalidated", previewPage.Text, StringComparison.Ordinal);
        Assert.Contains("1 of them is confirmed", previewPage.Text, StringComparison.Ordinal);

        // A signer arriving between the preview and the confirmation is not swept in.
        var late = Supporter.New("Late", "Signer");
        await SignAsync(late, source);
        var confirmation = previewPage.Document.QuerySelectorAll("form[action$='/invalidate'] input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Where(f => f.Key != "__form")
            .ToList();
        using var done = await client.PostFormAsync(Signatures + "/invalidate", confirmation, Signatures);

        Assert.Equal(HttpStatusCode.SeeOther, done.StatusCode);
        var states = await fixture.Site.QueryAsync(db => db.Signatures.Where(s => s.Source == source).Select(s => new { s.Email, s.State }).ToListAsync());
        Assert.Equal(3, states.Count(s => s.State == SignatureState.Invalidated));
        Assert.Equal(SignatureState.Pending, states.Single(s => s.Email == late.Email).State);
        Assert.Equal(countBefore - 1, await fixture.PublicCountAsync());
    }

    [Fact]
    public async Task Invalidating_without_a_reason_is_refused_and_changes_nothing()
    {
        var supporter = Supporter.New();
        await SignAndConfirmAsync(supporter);
        var signature = (await fixture.SignaturesFromAsync(supporter.Email)).Single();
        var client = await AdminAsync();
        var countBefore = await fixture.PublicCountAsync();

        using var response = await client.PostFormAsync(Signatures + "/invalidate", [.. Bulk([signature.Id], "  "), new("Confirmed", "true")], Signatures);
        using var tooLong = await client.PostFormAsync(Signatures + "/invalidate", [.. Bulk([signature.Id], new string('x', 501)), new("Confirmed", "true")], Signatures);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        var page = await WebPage.ReadAsync(response);
        Assert.Contains("Give the reason", page.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SignatureState.Validated, (await fixture.SignaturesFromAsync(supporter.Email)).Single().State);
        Assert.Equal(countBefore, await fixture.PublicCountAsync());
    }

    [Fact]
    public async Task Reinstating_an_invalidated_signature_restores_the_count()
    {
        var confirmed = Supporter.New();
        var pending = Supporter.New();
        await SignAndConfirmAsync(confirmed);
        await SignAsync(pending);
        var ids = new[] { (await fixture.SignaturesFromAsync(confirmed.Email)).Single(), (await fixture.SignaturesFromAsync(pending.Email)).Single() };
        var client = await AdminAsync();
        var countBefore = await fixture.PublicCountAsync();
        var countersBefore = await CountersAsync(ids[0]);
        using var invalidated = await client.PostFormAsync(Signatures + "/invalidate", [.. Bulk(ids.Select(s => s.Id), "Looked like spam"), new("Confirmed", "true")], Signatures);
        Assert.Equal(countBefore - 1, await fixture.PublicCountAsync());

        using var reinstated = await client.PostFormAsync(Signatures + "/reinstate", [.. Bulk(ids.Select(s => s.Id), ""), new("Confirmed", "true")], Signatures);

        Assert.Equal(HttpStatusCode.SeeOther, reinstated.StatusCode);
        Assert.Equal(countBefore, await fixture.PublicCountAsync());
        Assert.Equal(countersBefore, await CountersAsync(ids[0]));
        var back = await fixture.Site.QueryAsync(db => db.Signatures.Where(s => s.Id == ids[0].Id || s.Id == ids[1].Id).OrderBy(s => s.Id).ToListAsync());
        Assert.Equal([SignatureState.Validated, SignatureState.Pending], back.Select(s => s.State));
        Assert.All(back, s => Assert.Null(s.InvalidationReason));
        Assert.Equal(ids[0].ConfirmedAt, back[0].ConfirmedAt);
        Assert.Contains(await AuditAsync(AuditAction.SignaturesReinstated), e => e.Details.StartsWith("2 signatures reinstated (1 confirmed)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Erasing_a_signature_leaves_no_trace_of_the_signer_and_lowers_the_count()
    {
        var supporter = Supporter.New("Erasmus", "Forgetme") with { Country = "FR" };
        await SignAndConfirmAsync(supporter);
        var signature = (await fixture.SignaturesFromAsync(supporter.Email)).Single();
        var client = await AdminAsync();
        var countBefore = await fixture.PublicCountAsync();
        var erase = $"{Signatures}/{signature.Id}/erase";

        var confirmation = await client.OpenAsync(erase);
        Assert.Contains("Erasmus Forgetme", confirmation.Text, StringComparison.Ordinal);
        using var response = await client.PostFormAsync(erase, []);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(countBefore - 1, await fixture.PublicCountAsync());
        var traces = await fixture.Site.QueryAsync(async db => new
        {
            Signatures = await db.Signatures.CountAsync(s => s.Id == signature.Id || s.Email == supporter.Email || s.FirstName == "Erasmus"),
            Tokens = await db.ConfirmationTokens.CountAsync(t => t.SignatureId == signature.Id),
            Outbox = await db.OutboxMessages.CountAsync(m => m.SignatureId == signature.Id),
            Audit = await db.AuditEntries.Where(e => e.Details.Contains("Erasmus") || e.Details.Contains("Forgetme") || e.Details.Contains(supporter.Email)).CountAsync(),
        });
        Assert.Equal(new { Signatures = 0, Tokens = 0, Outbox = 0, Audit = 0 }, traces);
        var line = Assert.Single(await AuditAsync(AuditAction.SignatureErased), e => e.Details.Contains($"#{signature.Id} ", StringComparison.Ordinal));
        Assert.Equal($"Signature #{signature.Id} erased at the signer's request; it was confirmed; country FR", line.Details);
    }

    private async Task<StaffClient> AdminAsync() =>
        (await fixture.Site.SignedInStaffAsync($"moderator-{Guid.NewGuid():N}@example.org")).Client;

    private async Task SignAsync(Supporter supporter, string? source = null)
    {
        var seen = fixture.Smtp.MessagesTo(supporter.Email).Count;
        var fields = supporter.FormFields();
        if (source is not null)
        {
            fields.Add(new("Form.Source", source));
        }

        using var response = await fixture.NewSupporter().SendSignatureFormAsync(fields);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        await fixture.Smtp.WaitForMessagesToAsync(supporter.Email, seen + 1);
    }

    private async Task SignAndConfirmAsync(Supporter supporter, string? source = null)
    {
        await SignAsync(supporter, source);
        var link = PetitionSiteFactory.ConfirmationLinkIn(fixture.Smtp.MessagesTo(supporter.Email)[^1]);
        using var confirmed = await fixture.NewSupporter().ConfirmAsync(link);
        Assert.Equal(SignatureState.Validated, (await fixture.SignaturesFromAsync(supporter.Email)).Single().State);
    }

    private static List<KeyValuePair<string, string>> Bulk(IEnumerable<long> ids, string reason)
    {
        List<KeyValuePair<string, string>> fields = [new("Scope", "selected"), new("Reason", reason)];
        fields.AddRange(ids.Select(id => new KeyValuePair<string, string>("Ids", id.ToString(CultureInfo.InvariantCulture))));
        return fields;
    }

    private static List<long> IdsOn(WebPage page) =>
        page.Document.QuerySelectorAll("input[name=Ids]").Select(i => long.Parse(i.GetAttribute("value")!, CultureInfo.InvariantCulture)).ToList();

    // The dashboard's counters this signature counts in: its hour of confirmation, its country and its source.
    private Task<int[]> CountersAsync(Signature signature) =>
        fixture.Site.QueryAsync(async db =>
        {
            var hour = PetitionCounts.HourKey(signature.ConfirmedAt!.Value);
            var counters = await db.SignatureCounters.Where(c => c.PetitionId == signature.PetitionId).ToListAsync();
            int Of(SignatureCounterKind kind, string key) => counters.SingleOrDefault(c => c.Kind == kind && c.Key == key)?.Count ?? 0;
            return new[] { Of(SignatureCounterKind.Hour, hour), Of(SignatureCounterKind.Country, signature.CountryCode), Of(SignatureCounterKind.Source, signature.Source ?? "") };
        });

    private Task<List<AuditEntry>> AuditAsync(AuditAction action) =>
        fixture.Site.QueryAsync(db => db.AuditEntries.Where(e => e.Action == action).ToListAsync());
}
