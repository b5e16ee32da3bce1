using System.Net;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Admin.Audit;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Admin;

public sealed class PetitionRevisionTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Editing_a_petition_nobody_signed_rewrites_its_text_in_place()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = await admin.CreateOpenPetitionAsync();

        await EditAsync(admin, slug, "A better title", "Better words.");

        var petition = await fixture.Site.QueryAsync(db => db.Petitions.SingleAsync(p => p.Slug == slug));
        var revision = Assert.Single(await fixture.Site.QueryAsync(db => db.PetitionRevisions.Where(r => r.PetitionId == petition.Id).ToListAsync()));
        Assert.Equal((1, 1, "A better title", "Better words."), (petition.Revision, revision.Number, revision.Title, revision.BodyMarkdown));
        Assert.Equal("A better title", (await fixture.NewSupporter().OpenAsync($"/petitions/{slug}")).Document.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Editing_a_signed_petition_adds_a_revision_and_each_signature_keeps_the_text_it_was_made_under()
    {
        var (admin, member) = await fixture.SignedInAdminAsync();
        var slug = await admin.CreateOpenPetitionAsync();
        var first = Supporter.New("First");
        using (var confirmed = await fixture.NewSupporter().ConfirmAsync(await fixture.SignAndGetLinkAsync(first, slug)))
        {
            Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        }

        var publicPage = await fixture.NewSupporter().OpenAsync($"/petitions/{slug}");
        Assert.Equal("Keep the library open", publicPage.Document.QuerySelector("h1")?.TextContent);

        await EditAsync(admin, slug, "Keep the library open on Sundays too", "Sundays as well.");
        var second = Supporter.New("Second");
        await fixture.SignAndGetLinkAsync(second, slug);

        var petition = await fixture.Site.QueryAsync(db => db.Petitions.SingleAsync(p => p.Slug == slug));
        Assert.Equal(2, petition.Revision);
        var revisions = await fixture.Site.QueryAsync(db => db.PetitionRevisions.Where(r => r.PetitionId == petition.Id).OrderBy(r => r.Number).ToListAsync());
        Assert.Equal(["Keep the library open", "Keep the library open on Sundays too"], revisions.Select(r => r.Title));
        Assert.Equal(member.Email, revisions[1].CreatedBy);
        Assert.Equal(1, Assert.Single(await fixture.SignaturesFromAsync(first.Email)).Revision);
        Assert.Equal(2, Assert.Single(await fixture.SignaturesFromAsync(second.Email)).Revision);
        Assert.Equal("Keep the library open on Sundays too", (await fixture.NewSupporter().OpenAsync($"/petitions/{slug}")).Document.QuerySelector("h1")?.TextContent);
        Assert.Contains(await fixture.Site.QueryAsync(db => db.AuditEntries.Where(e => e.PetitionSlug == slug).ToListAsync()),
            e => e.Action == AuditAction.PetitionEdited && e.Actor == member.Email && e.Details.Contains("revision 2 added", StringComparison.Ordinal));

        var list = await admin.OpenAsync($"/admin/petitions/{slug}/revisions");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        var rows = list.Document.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => WebPage.Normalize(c.TextContent)).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["Revision 1", "Keep the library open"], rows[0].Take(2));
        Assert.Equal(["1", "1"], rows[0].TakeLast(2));
        Assert.Equal(["Revision 2", "Keep the library open on Sundays too"], rows[1].Take(2));
        Assert.Equal("Now (current)", rows[1][3]);
        Assert.Equal(member.Email, rows[1][4]);
        Assert.Equal(["1", "0"], rows[1].TakeLast(2));
        Assert.Equal(rows[1][2], rows[0][3]);

        var old = await admin.OpenAsync($"/admin/petitions/{slug}/revisions/1");
        Assert.Equal(HttpStatusCode.OK, old.Status);
        Assert.Equal("Keep the library open", old.Document.QuerySelector("#revision-title")?.TextContent);
        Assert.Equal("the", old.Document.QuerySelector(".petition-body em")?.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.OpenAsync($"/admin/petitions/{slug}/revisions/3")).Status);
    }

    [Fact]
    public async Task Changing_only_the_goal_of_a_signed_petition_adds_no_revision()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = await admin.CreateOpenPetitionAsync();
        await fixture.SignAndGetLinkAsync(Supporter.New(), slug);

        using var response = await admin.PostFormAsync($"/admin/petitions/{slug}/edit", PetitionAdminSteps.PetitionFields(slug, goal: "2,000"), $"/admin/petitions/{slug}/edit");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var petition = await fixture.Site.QueryAsync(db => db.Petitions.SingleAsync(p => p.Slug == slug));
        Assert.Equal((2000, 1), (petition.Goal, petition.Revision));
    }

    private static async Task EditAsync(StaffClient admin, string slug, string title, string body)
    {
        using var response = await admin.PostFormAsync($"/admin/petitions/{slug}/edit", PetitionAdminSteps.PetitionFields(slug, title: title, body: body), $"/admin/petitions/{slug}/edit");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }
}
