using System.Net;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Admin.Audit;
using PetitionSite.Petitions;

namespace PetitionSite.IntegrationTests.Admin;

public sealed class PetitionScheduleTests(ClockedSiteFixture fixture) : IClassFixture<ClockedSiteFixture>
{
    [Fact]
    public async Task An_open_petition_closes_by_itself_at_its_closing_date()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var closesAt = Minute(fixture.Clock.GetUtcNow().UtcDateTime.AddHours(1));
        var slug = await admin.CreateOpenPetitionAsync(closesAt);
        Assert.NotNull((await fixture.NewSupporter().OpenAsync($"/petitions/{slug}")).Document.QuerySelector("form.signature-form"));

        fixture.Clock.Advance(TimeSpan.FromHours(2));
        await WaitForStateAsync(slug, PetitionState.Closed);

        var petition = await fixture.Site.QueryAsync(db => db.Petitions.SingleAsync(p => p.Slug == slug));
        Assert.Equal(closesAt, petition.ClosedAt);
        var page = await fixture.NewSupporter().OpenAsync($"/petitions/{slug}");
        Assert.Null(page.Document.QuerySelector("form.signature-form"));
        Assert.Contains($"It closed on {PetitionDate.Describe(closesAt)}", page.Text, StringComparison.Ordinal);
        Assert.Contains(await fixture.Site.QueryAsync(db => db.AuditEntries.Where(e => e.PetitionSlug == slug).ToListAsync()),
            e => e.Action == AuditAction.PetitionClosed && e.Actor == null);
    }

    [Fact]
    public async Task A_pending_petition_opens_by_itself_at_its_opening_date()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = PetitionAdminSteps.NewSlug();
        var opensAt = Minute(fixture.Clock.GetUtcNow().UtcDateTime.AddHours(1));
        using (var created = await admin.PostFormAsync("/admin/petitions/new", PetitionAdminSteps.PetitionFields(slug, opensAt: opensAt)))
        {
            Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await fixture.NewSupporter().OpenAsync($"/petitions/{slug}")).Status);

        fixture.Clock.Advance(TimeSpan.FromHours(2));
        await WaitForStateAsync(slug, PetitionState.Open);

        Assert.Equal(opensAt, await fixture.Site.QueryAsync(db => db.Petitions.Where(p => p.Slug == slug).Select(p => p.OpenedAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await fixture.NewSupporter().OpenAsync($"/petitions/{slug}")).Status);
        Assert.Contains(await fixture.Site.QueryAsync(db => db.AuditEntries.Where(e => e.PetitionSlug == slug).ToListAsync()),
            e => e.Action == AuditAction.PetitionOpened && e.Actor == null);
    }

    // datetime-local inputs carry minutes, so the dates the tests type are whole minutes.
    private static DateTime Minute(DateTime moment) => new(moment.Ticks - moment.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);

    // The schedule runs on its own after the clock moves; give it a moment of real time.
    private async Task WaitForStateAsync(string slug, PetitionState state)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(10); waited += TimeSpan.FromMilliseconds(50))
        {
            if (await fixture.Site.QueryAsync(db => db.Petitions.Where(p => p.Slug == slug).Select(p => p.State).SingleAsync()) == state)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{slug} did not become {state}.");
    }
}
