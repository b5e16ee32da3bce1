using System.Net;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Admin.Audit;
using PetitionSite.Petitions;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Admin;

public sealed class PetitionLifecycleTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Closing_shows_at_once_on_the_cached_public_page_with_the_final_count_and_refuses_signatures()
    {
        var (admin, member) = await fixture.SignedInAdminAsync();
        var slug = await admin.CreateOpenPetitionAsync();
        using (var confirmed = await fixture.NewSupporter().ConfirmAsync(await fixture.SignAndGetLinkAsync(Supporter.New(), slug)))
        {
            Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        }

        // A first visitor's page is cached; a second first visitor gets that copy until something evicts it.
        var supporter = fixture.NewSupporter();
        var before = await supporter.OpenAsync($"/petitions/{slug}");
        Assert.NotNull(before.Document.QuerySelector("form.signature-form"));

        await admin.PressAsync(slug, "close");

        var after = await fixture.NewSupporter().OpenAsync($"/petitions/{slug}");
        Assert.Null(after.Document.QuerySelector("form.signature-form"));
        var closedAt = await fixture.Site.QueryAsync(db => db.Petitions.Where(p => p.Slug == slug).Select(p => p.ClosedAt).SingleAsync());
        Assert.NotNull(closedAt);
        Assert.Contains($"This petition is closed and no longer accepts signatures. It closed on {PetitionDate.Describe(closedAt.Value)} with a final count of 1 signature.", after.Text, StringComparison.Ordinal);
        Assert.Equal("1 signature of 500 needed", WebPage.Normalize(after.Document.QuerySelector(".progress .count")?.TextContent));
        Assert.False((await fixture.NewSupporter().CountAsync(slug)).Open);

        var late = Supporter.New("Late");
        using var signed = await supporter.SendSignatureFormAsync([.. late.FormFields(), new("__form", before.FormToken)], slug, withFormToken: false);
        var refused = await WebPage.ReadAsync(signed);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains($"It closed on {PetitionDate.Describe(closedAt.Value)}.", refused.Document.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(await fixture.SignaturesFromAsync(late.Email));
        Assert.Contains(await AuditOfAsync(slug), e => e.Action == AuditAction.PetitionClosed && e.Actor == member.Email);
    }

    [Fact]
    public async Task Reopening_takes_signatures_again()
    {
        var (admin, member) = await fixture.SignedInAdminAsync();
        var slug = await admin.CreateOpenPetitionAsync();
        await admin.PressAsync(slug, "close");
        Assert.Null((await fixture.NewSupporter().OpenAsync($"/petitions/{slug}")).Document.QuerySelector("form.signature-form"));

        await admin.PressAsync(slug, "reopen");

        Assert.NotNull((await fixture.NewSupporter().OpenAsync($"/petitions/{slug}")).Document.QuerySelector("form.signature-form"));
        var petition = await fixture.Site.QueryAsync(db => db.Petitions.SingleAsync(p => p.Slug == slug));
        Assert.Equal((PetitionState.Open, (DateTime?)null), (petition.State, petition.ClosedAt));
        await fixture.SignAndGetLinkAsync(Supporter.New(), slug);
        Assert.Contains(await AuditOfAsync(slug), e => e.Action == AuditAction.PetitionReopened && e.Actor == member.Email);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_takes_the_petition_off_the_public_site()
    {
        var (admin, member) = await fixture.SignedInAdminAsync();
        var slug = await admin.CreateOpenPetitionAsync();
        Assert.Equal(HttpStatusCode.OK, (await fixture.NewSupporter().OpenAsync($"/petitions/{slug}")).Status);

        using var withoutReason = await admin.ChangeStateAsync(slug, "reject", new KeyValuePair<string, string>("Reason", "   "));
        var again = await WebPage.ReadAsync(withoutReason);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.Status);
        Assert.Contains("Enter the reason for rejecting this petition", again.Document.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(PetitionState.Open, await StateOfAsync(slug));

        using var rejected = await admin.ChangeStateAsync(slug, "reject", new KeyValuePair<string, string>("Reason", "Duplicate of another petition"));

        Assert.Equal(HttpStatusCode.SeeOther, rejected.StatusCode);
        Assert.Equal(PetitionState.Rejected, await StateOfAsync(slug));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.NewSupporter().OpenAsync($"/petitions/{slug}")).Status);
        Assert.DoesNotContain(slug, (await fixture.NewSupporter().OpenAsync("/")).Document.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("Duplicate of another petition", (await admin.OpenAsync($"/admin/petitions/{slug}/edit")).Document.QuerySelector(".lifecycle")?.TextContent, StringComparison.Ordinal);
        var dates = (await admin.OpenAsync($"/admin/petitions/{slug}")).Document.QuerySelector("dl.dates")?.TextContent;
        Assert.Contains("Signing stopped", dates, StringComparison.Ordinal);
        Assert.DoesNotContain("Closed at", dates, StringComparison.Ordinal);
        Assert.Contains(await AuditOfAsync(slug), e => e.Action == AuditAction.PetitionRejected && e.Actor == member.Email && e.Details.Contains("Duplicate", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("close")]
    [InlineData("reopen")]
    public async Task A_change_that_does_not_fit_the_state_is_refused_with_a_clear_page(string change)
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = PetitionAdminSteps.NewSlug();
        await admin.CreatePetitionAsync(slug);

        using var response = await admin.ChangeStateAsync(slug, change);
        var page = await WebPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.Conflict, page.Status);
        Assert.Contains("This petition is pending, so it cannot be", page.Text, StringComparison.Ordinal);
        Assert.Equal(PetitionState.Pending, await StateOfAsync(slug));
    }

    [Fact]
    public async Task The_public_list_shows_open_petitions_first_then_closed_ones_with_their_closing_date()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var closed = PetitionAdminSteps.NewSlug("closed");
        await admin.CreatePetitionAsync(closed, title: "A closed petition");
        await admin.PressAsync(closed, "open");
        var pending = PetitionAdminSteps.NewSlug("pending");
        await admin.CreatePetitionAsync(pending, title: "A pending petition");
        var open = PetitionAdminSteps.NewSlug("open");
        await admin.CreatePetitionAsync(open, title: "Zebra crossings");
        await admin.PressAsync(open, "open");
        await admin.PressAsync(closed, "close");

        var items = (await fixture.NewSupporter().OpenAsync("/")).Document.QuerySelectorAll(".petition-list > li").ToList();

        var slugs = items.Select(li => li.QuerySelector("h2 a")!.GetAttribute("href")!.Split('/')[^1]).ToList();
        Assert.DoesNotContain(pending, slugs);
        Assert.True(slugs.IndexOf(open) < slugs.IndexOf(closed));
        Assert.True(slugs.IndexOf(PetitionSiteFactory.PetitionSlug) < slugs.IndexOf(closed));
        var closedAt = await fixture.Site.QueryAsync(db => db.Petitions.Where(p => p.Slug == closed).Select(p => p.ClosedAt).SingleAsync());
        Assert.Equal($"Closed on {PetitionDate.Describe(closedAt!.Value)} with 0 signatures", WebPage.Normalize(items[slugs.IndexOf(closed)].QuerySelector(".count")?.TextContent));
    }

    private Task<PetitionState> StateOfAsync(string slug) =>
        fixture.Site.QueryAsync(db => db.Petitions.Where(p => p.Slug == slug).Select(p => p.State).SingleAsync());

    private Task<List<AuditEntry>> AuditOfAsync(string slug) =>
        fixture.Site.QueryAsync(db => db.AuditEntries.Where(e => e.PetitionSlug == slug).ToListAsync());
}
