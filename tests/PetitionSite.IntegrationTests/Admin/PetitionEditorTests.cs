using System.Net;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Accounts;
using PetitionSite.Admin.Audit;
using PetitionSite.Petitions;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Admin;

public sealed class PetitionEditorTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task A_new_petition_is_pending_until_opened_then_public()
    {
        var (admin, member) = await fixture.SignedInAdminAsync();
        var slug = PetitionAdminSteps.NewSlug("library");

        using var created = await admin.PostFormAsync("/admin/petitions/new", PetitionAdminSteps.PetitionFields(slug, title: "Keep the library open"));

        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        Assert.Equal($"/admin/petitions/{slug}/edit?saved=true", created.Headers.Location!.OriginalString);
        var stored = await fixture.Site.QueryAsync(db => db.Petitions.SingleAsync(p => p.Slug == slug));
        Assert.Equal(PetitionState.Pending, stored.State);
        Assert.Equal(500, stored.Goal);
        Assert.Equal(1, stored.Revision);
        Assert.Equal(1, await fixture.Site.QueryAsync(db => db.PetitionRevisions.CountAsync(r => r.PetitionId == stored.Id && r.CreatedBy == member.Email)));
        Assert.Contains((await admin.OpenAsync("/admin")).Document.QuerySelectorAll("table a"), a => a.TextContent == "Keep the library open");
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.NewSupporter().OpenAsync($"/petitions/{slug}")).Status);
        Assert.DoesNotContain(slug, (await fixture.NewSupporter().OpenAsync("/")).Document.Body!.InnerHtml, StringComparison.Ordinal);

        await admin.PressAsync(slug, "open");

        var page = await fixture.NewSupporter().OpenAsync($"/petitions/{slug}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Keep the library open", page.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal("the", page.Document.QuerySelector(".petition-body em")?.TextContent);
        Assert.NotNull(page.Document.QuerySelector("form.signature-form"));
        Assert.Contains((await fixture.NewSupporter().OpenAsync("/")).Document.QuerySelectorAll(".petition-list h2 a"), a => a.GetAttribute("href") == $"/petitions/{slug}");
        var audit = await AuditOfAsync(slug);
        Assert.Contains(audit, e => e.Action == AuditAction.PetitionCreated && e.Actor == member.Email);
        Assert.Contains(audit, e => e.Action == AuditAction.PetitionOpened && e.Actor == member.Email);
    }

    [Theory]
    [InlineData("Slug", "Bad Slug!", "Web address can only contain lower-case letters, numbers and single hyphens between words")]
    [InlineData("Slug", "double--hyphen", "Web address can only contain lower-case letters")]
    [InlineData("Slug", "new", "is used by the site itself")]
    [InlineData("Title", "", "Enter a title")]
    [InlineData("Goal", "0", "Goal must be at least 1")]
    [InlineData("Goal", "lots", "Goal must be a whole number")]
    [InlineData("BodyMarkdown", "", "Enter the text of the petition")]
    public async Task A_bad_field_is_refused_with_the_input_kept_and_nothing_stored(string field, string value, string message)
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = PetitionAdminSteps.NewSlug();
        var fields = PetitionAdminSteps.PetitionFields(slug, title: "Kept title").Select(f => f.Key == field ? new(field, value) : f).ToList();
        var before = await fixture.Site.QueryAsync(db => db.Petitions.CountAsync());

        using var response = await admin.PostFormAsync("/admin/petitions/new", fields);
        var page = await WebPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains(message, page.Document.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(message, page.Document.QuerySelector($"#{field}-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.Document.QuerySelector($"#{field}")?.GetAttribute("aria-invalid"));
        Assert.Equal(value, field == "BodyMarkdown" ? page.Document.QuerySelector("#BodyMarkdown")?.TextContent : page.ValueOf($"#{field}"));
        Assert.Equal(field == "Title" ? "" : "Kept title", page.ValueOf("#Title"));
        Assert.Equal(before, await fixture.Site.QueryAsync(db => db.Petitions.CountAsync()));
    }

    [Fact]
    public async Task A_taken_web_address_is_refused_with_a_clear_message()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();

        using var response = await admin.PostFormAsync("/admin/petitions/new", PetitionAdminSteps.PetitionFields(PetitionSiteFactory.PetitionSlug, title: "A copy"));
        var page = await WebPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("Another petition already has this web address", page.Document.QuerySelector("#Slug-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("A copy", page.ValueOf("#Title"));
        Assert.Equal(0, await fixture.Site.QueryAsync(db => db.Petitions.CountAsync(p => p.Title == "A copy")));
    }

    [Fact]
    public async Task A_closing_date_before_the_opening_date_is_refused()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = PetitionAdminSteps.NewSlug();
        var opens = new DateTime(2031, 5, 1, 9, 0, 0, DateTimeKind.Utc);

        using var response = await admin.PostFormAsync("/admin/petitions/new", PetitionAdminSteps.PetitionFields(slug, opensAt: opens, closesAt: opens.AddDays(-1)));
        var page = await WebPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("Closing date must be after the opening date", page.Document.QuerySelector("#ClosesAt-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("2031-05-01T09:00", page.ValueOf("#OpensAt"));
        Assert.Equal("2031-04-30T09:00", page.ValueOf("#ClosesAt"));
        Assert.False(await fixture.Site.QueryAsync(db => db.Petitions.AnyAsync(p => p.Slug == slug)));
    }

    [Fact]
    public async Task Dates_are_read_as_utc()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = PetitionAdminSteps.NewSlug();
        var closes = new DateTime(2031, 6, 1, 17, 30, 0, DateTimeKind.Utc);

        await admin.CreatePetitionAsync(slug, closesAt: closes);

        Assert.Equal(closes, await fixture.Site.QueryAsync(db => db.Petitions.Where(p => p.Slug == slug).Select(p => p.ClosesAt).SingleAsync()));
        var edit = await admin.OpenAsync($"/admin/petitions/{slug}/edit");
        Assert.Equal("2031-06-01T17:30", edit.ValueOf("#ClosesAt"));
        Assert.Contains("In UTC", edit.Document.QuerySelector("#ClosesAt-hint")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_shows_the_text_as_the_public_page_would_without_saving()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = PetitionAdminSteps.NewSlug();
        var fields = PetitionAdminSteps.PetitionFields(slug, body: "## Why\n\nBecause **books** matter.[^1]\n\n[^1]: A footnote.\n\n<script>alert(1)</script>");
        fields.Add(new("preview", "true"));

        using var response = await admin.PostFormAsync("/admin/petitions/new", fields);
        var page = await WebPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var preview = page.Document.QuerySelector(".petition-preview .petition-body")!;
        Assert.Equal("Why", preview.QuerySelector("h2")?.TextContent);
        Assert.Equal("books", preview.QuerySelector("strong")?.TextContent);
        Assert.NotNull(preview.QuerySelector(".footnotes"));
        Assert.Null(preview.QuerySelector("script"));
        Assert.Equal(slug, page.ValueOf("#Slug"));
        Assert.False(await fixture.Site.QueryAsync(db => db.Petitions.AnyAsync(p => p.Slug == slug)));
    }

    [Fact]
    public async Task The_web_address_can_change_only_while_pending()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = PetitionAdminSteps.NewSlug();
        var renamed = PetitionAdminSteps.NewSlug("renamed");
        await admin.CreatePetitionAsync(slug);

        using var rename = await admin.PostFormAsync($"/admin/petitions/{slug}/edit", PetitionAdminSteps.PetitionFields(renamed), $"/admin/petitions/{slug}/edit");
        Assert.Equal(HttpStatusCode.SeeOther, rename.StatusCode);
        Assert.Equal($"/admin/petitions/{renamed}/edit?saved=true", rename.Headers.Location!.OriginalString);
        await admin.PressAsync(renamed, "open");

        var edit = await admin.OpenAsync($"/admin/petitions/{renamed}/edit");
        Assert.NotNull(edit.Document.QuerySelector("#Slug[readonly]"));
        using var again = await admin.PostFormAsync($"/admin/petitions/{renamed}/edit", PetitionAdminSteps.PetitionFields("another-address"), $"/admin/petitions/{renamed}/edit");

        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.True(await fixture.Site.QueryAsync(db => db.Petitions.AnyAsync(p => p.Slug == renamed)));
        Assert.False(await fixture.Site.QueryAsync(db => db.Petitions.AnyAsync(p => p.Slug == "another-address" || p.Slug == slug)));
    }

    [Theory]
    [InlineData("GET", "/admin/petitions/new")]
    [InlineData("GET", "/admin/petitions/free-walid-daqqah/edit")]
    [InlineData("GET", "/admin/petitions/free-walid-daqqah/revisions")]
    [InlineData("GET", "/admin/petitions/free-walid-daqqah/revisions/1")]
    [InlineData("POST", "/admin/petitions/free-walid-daqqah/close")]
    [InlineData("POST", "/admin/petitions/free-walid-daqqah/reject")]
    public async Task An_organiser_cannot_manage_petitions(string method, string path)
    {
        var (organiser, _) = await fixture.Site.SignedInStaffAsync($"organiser-{Guid.NewGuid():N}@example.org", Roles.Organiser, withTwoFactor: false);

        var status = method == "GET"
            ? (await organiser.OpenAsync(path)).Status
            : (await organiser.PostFormAsync(path, [new("Reason", "Mine")], "/admin")).StatusCode;

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(PetitionState.Open, await fixture.Site.QueryAsync(db => db.Petitions.Where(p => p.Slug == PetitionSiteFactory.PetitionSlug).Select(p => p.State).SingleAsync()));
    }

    private Task<List<AuditEntry>> AuditOfAsync(string slug) =>
        fixture.Site.QueryAsync(db => db.AuditEntries.Where(e => e.PetitionSlug == slug).ToListAsync());
}
