using System.Net;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Accounts;
using PetitionSite.Admin.Audit;
using PetitionSite.IntegrationTests.Admin;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Translations;

// Admins translate a petition in the back office; a page in that language shows the translation, the others the
// petition as written, marked with its language.
public sealed class PetitionTranslationTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const string FrenchTitle = "Gardez la bibliothèque ouverte";

    [Fact]
    public async Task A_french_translation_shows_on_french_pages_and_the_original_elsewhere_with_a_note_of_its_language()
    {
        var (admin, member) = await fixture.SignedInAdminAsync();
        var slug = await admin.CreateOpenPetitionAsync();
        // Seen once before the translation, so a cached copy must make way for it.
        Assert.Equal("Keep the library open", (await fixture.NewSupporter().OpenAsync($"/fr/petitions/{slug}")).Document.QuerySelector("h1")?.TextContent);

        using var saved = await admin.PostFormAsync($"/admin/petitions/{slug}/translations/fr", FrenchFields());

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Equal($"/admin/petitions/{slug}/translations?saved=fr", saved.Headers.Location?.OriginalString);
        var list = await admin.OpenAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("The French translation is saved", list.Text, StringComparison.Ordinal);
        Assert.Contains(FrenchTitle, list.Text, StringComparison.Ordinal);

        var french = await fixture.NewSupporter().OpenAsync($"/fr/petitions/{slug}");
        Assert.Equal(FrenchTitle, french.Document.QuerySelector("h1")?.TextContent);
        Assert.Null(french.Document.QuerySelector("h1")?.GetAttribute("lang"));
        Assert.Contains("Elle est la place", french.Document.QuerySelector(".petition-body")?.TextContent, StringComparison.Ordinal);
        Assert.Null(french.Document.QuerySelector(".language-note"));
        Assert.Equal(FrenchTitle, french.Document.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
        var frenchList = await fixture.NewSupporter().OpenAsync("/fr/petitions");
        Assert.Contains(FrenchTitle, frenchList.Text, StringComparison.Ordinal);

        var english = await fixture.NewSupporter().OpenAsync($"/petitions/{slug}");
        Assert.Equal("Keep the library open", english.Document.QuerySelector("h1")?.TextContent);
        Assert.Null(english.Document.QuerySelector(".language-note"));

        var arabic = await fixture.NewSupporter().OpenAsync($"/ar/petitions/{slug}");
        var title = arabic.Document.QuerySelector("h1")!;
        Assert.Equal("Keep the library open", title.TextContent);
        Assert.Equal(("en", "ltr"), (title.GetAttribute("lang"), title.GetAttribute("dir")));
        Assert.Equal("en", arabic.Document.QuerySelector(".petition-body")?.GetAttribute("lang"));
        Assert.Equal("هذه العريضة مكتوبة باللغة الإنجليزية.", arabic.Document.QuerySelector(".language-note")?.TextContent);

        var audit = await fixture.Site.QueryAsync(db => db.AuditEntries.Where(e => e.PetitionSlug == slug && e.Action == AuditAction.TranslationAdded).ToListAsync());
        Assert.Equal(member.Email, Assert.Single(audit).Actor);
    }

    [Fact]
    public async Task A_petition_written_in_french_is_shown_as_written_on_english_pages_with_a_note()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = await OpenFrenchPetitionAsync(admin);

        var english = await fixture.NewSupporter().OpenAsync($"/petitions/{slug}");

        Assert.Equal(FrenchTitle, english.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal("fr", english.Document.QuerySelector("h1")?.GetAttribute("lang"));
        Assert.Equal("fr", english.Document.QuerySelector(".petition-body")?.GetAttribute("lang"));
        Assert.Equal("This petition is in French.", english.Document.QuerySelector(".language-note")?.TextContent);
        var list = await fixture.NewSupporter().OpenAsync("/petitions");
        Assert.Equal("fr", list.Document.QuerySelector($"a[href='/petitions/{slug}']")?.ParentElement?.GetAttribute("lang"));
        var french = await fixture.NewSupporter().OpenAsync($"/fr/petitions/{slug}");
        Assert.Null(french.Document.QuerySelector(".language-note"));
        Assert.Equal("English, Arabic", string.Join(", ", (await admin.OpenAsync($"/admin/petitions/{slug}/translations")).Document.QuerySelectorAll("tbody th").Select(th => th.TextContent)));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.OpenAsync($"/admin/petitions/{slug}/translations/fr")).Status);
    }

    [Fact]
    public async Task A_title_in_another_language_than_the_page_is_marked_with_its_own_on_every_step_of_signing()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = await OpenFrenchPetitionAsync(admin);
        var supporter = Supporter.New();
        var client = fixture.NewSupporter();
        var link = await fixture.SignAndGetLinkAsync(supporter, slug, client);
        var email = fixture.Smtp.MessagesTo(supporter.Email).Single();

        // An English page names the French petition in a sentence of its own: screen readers switch voice for the title alone.
        var pages = new List<WebPage>
        {
            await client.OpenAsync($"/petitions/{slug}/signed"),
            await client.OpenAsync(link),
            await client.OpenAsync(PetitionSiteFactory.WithdrawalLinkIn(email)),
        };
        using (var confirmed = await client.ConfirmAsync(link))
        {
            pages.Add(await client.OpenAsync(confirmed.Headers.Location!.OriginalString));
        }

        pages.Add(await client.OpenAsync(link));
        Assert.All(pages, page =>
        {
            Assert.Equal("en", page.Document.DocumentElement.GetAttribute("lang"));
            var title = Assert.Single(page.Document.QuerySelectorAll("main span[lang]"));
            Assert.Equal(FrenchTitle, title.TextContent);
            Assert.Equal(("fr", "ltr"), (title.GetAttribute("lang"), title.GetAttribute("dir")));
        });
        var card = (await fixture.NewSupporter().OpenAsync($"/petitions/{slug}/embed")).Document.QuerySelector("h1")!;
        Assert.Equal(("fr", FrenchTitle), (card.GetAttribute("lang"), card.TextContent));

        // In French the title is in the page's own language and needs no mark.
        var french = await fixture.NewSupporter().OpenAsync($"/fr/petitions/{slug}/signed");
        Assert.Contains(FrenchTitle, french.Text, StringComparison.Ordinal);
        Assert.Empty(french.Document.QuerySelectorAll("main [lang]"));
    }

    [Fact]
    public async Task A_translation_with_mistakes_comes_back_with_its_input_and_nothing_is_stored()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = await admin.CreateOpenPetitionAsync();

        using var response = await admin.PostFormAsync($"/admin/petitions/{slug}/translations/ar", [
            new("Title", new string('ع', 201)),
            new("Summary", "ملخص"),
            new("BodyMarkdown", "   "),
        ]);
        var page = await WebPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        var summary = page.Document.QuerySelector(".error-summary[role=alert]")!.TextContent;
        Assert.Contains("Title must be 200 characters or fewer", summary, StringComparison.Ordinal);
        Assert.Contains("Enter the text of the petition", summary, StringComparison.Ordinal);
        Assert.Equal(new string('ع', 201), page.ValueOf("#Title"));
        Assert.Equal("ملخص", page.Document.QuerySelector("#Summary")?.TextContent);
        Assert.Equal("true", page.Document.QuerySelector("#BodyMarkdown")?.GetAttribute("aria-invalid"));
        Assert.Equal(0, await fixture.Site.QueryAsync(db => db.PetitionTranslations.CountAsync(t => db.Petitions.Any(p => p.Id == t.PetitionId && p.Slug == slug))));
    }

    [Fact]
    public async Task Changing_and_removing_a_translation_shows_at_once_on_its_pages()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = await admin.CreateOpenPetitionAsync();
        using var added = await admin.PostFormAsync($"/admin/petitions/{slug}/translations/fr", FrenchFields());
        Assert.Equal(FrenchTitle, (await fixture.NewSupporter().OpenAsync($"/fr/petitions/{slug}")).Document.QuerySelector("h1")?.TextContent);

        using var changed = await admin.PostFormAsync($"/admin/petitions/{slug}/translations/fr", FrenchFields("Ouvrez la bibliothèque"));
        Assert.Equal(HttpStatusCode.SeeOther, changed.StatusCode);
        Assert.Equal("Ouvrez la bibliothèque", (await fixture.NewSupporter().OpenAsync($"/fr/petitions/{slug}")).Document.QuerySelector("h1")?.TextContent);

        using var removed = await admin.PostFormAsync($"/admin/petitions/{slug}/translations/fr/remove", [], $"/admin/petitions/{slug}/translations");
        Assert.Equal(HttpStatusCode.SeeOther, removed.StatusCode);
        var french = await fixture.NewSupporter().OpenAsync($"/fr/petitions/{slug}");
        Assert.Equal("Keep the library open", french.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal("Cette pétition est rédigée en anglais.", french.Document.QuerySelector(".language-note")?.TextContent);
        var actions = await fixture.Site.QueryAsync(db => db.AuditEntries.Where(e => e.PetitionSlug == slug).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(new[] { AuditAction.TranslationAdded, AuditAction.TranslationChanged, AuditAction.TranslationRemoved }, actions.Where(a => a.ToString().StartsWith("Translation", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_organiser_cannot_see_or_change_translations()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = await admin.CreateOpenPetitionAsync();
        var (organiser, _) = await fixture.Site.SignedInStaffAsync($"organiser-{Guid.NewGuid():N}@example.org", Roles.Organiser);

        var page = await organiser.OpenAsync($"/admin/petitions/{slug}/translations");
        using var post = await organiser.PostFormAsync($"/admin/petitions/{slug}/translations/fr", FrenchFields(), "/admin");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(0, await fixture.Site.QueryAsync(db => db.PetitionTranslations.CountAsync(t => db.Petitions.Any(p => p.Id == t.PetitionId && p.Slug == slug))));
    }

    // An open petition written in French, with no translation.
    private static async Task<string> OpenFrenchPetitionAsync(StaffClient admin)
    {
        var slug = PetitionAdminSteps.NewSlug();
        var fields = PetitionAdminSteps.PetitionFields(slug, title: FrenchTitle, summary: "La bibliothèque doit rester ouverte le samedi.", body: "Elle est la place où lire.");
        fields.Add(new("Language", "fr"));
        using var created = await admin.PostFormAsync("/admin/petitions/new", fields);
        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        await admin.PressAsync(slug, "open");
        return slug;
    }

    private static List<KeyValuePair<string, string>> FrenchFields(string title = FrenchTitle) =>
    [
        new("Title", title),
        new("Summary", "La bibliothèque doit rester ouverte le samedi."),
        new("BodyMarkdown", "Elle est la place où *lire*.\n\nGardez-la ouverte."),
    ];
}
