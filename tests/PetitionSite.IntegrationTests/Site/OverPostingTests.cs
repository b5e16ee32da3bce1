using System.Net;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Accounts;
using PetitionSite.Petitions;
using PetitionSite.Signing;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Site;

// Model binding sets only what a form shows: fields added by hand for a signature's state, a petition's count or
// anything else the site keeps for itself are ignored, and a channel name is cut to its length.
public sealed class OverPostingTests(OverPostingTests.Site fixture) : IClassFixture<OverPostingTests.Site>
{
    private const string Slug = PetitionSiteFactory.PetitionSlug;
    private const string EditPath = $"/admin/petitions/{Slug}/edit";

    [Fact]
    public async Task A_signature_form_with_extra_fields_stores_a_pending_signature_on_the_current_revision()
    {
        // A second revision of the text, so that the current one is not the default a forged field might fall back on.
        await fixture.SignAndGetLinkAsync(Supporter.New("Earlier"));
        using (var edited = await fixture.Admin.PostFormAsync(EditPath, EditorFields(summary: $"Free him now ({Guid.NewGuid():N}).")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, edited.StatusCode);
        }

        var before = await PetitionAsync(Slug);
        Assert.True(before.Revision > 1);
        var otherId = (await PetitionAsync(Site.OtherSlug)).Id;
        var supporter = Supporter.New("Overposted") with { Source = "newsletter-" + new string('x', 200) };
        List<KeyValuePair<string, string>> extra =
        [
            new("Form.State", "Validated"),
            new("Form.SignatureCount", "1000000"),
            new("Form.Revision", "1"),
            new("Form.Id", "1"),
            new("Form.PetitionId", $"{otherId}"),
            new("Form.ConfirmedAt", "2020-01-01T00:00:00Z"),
            new("Form.CreatedAt", "2000-01-01T00:00:00Z"),
            new("Form.NormalizedEmail", "victim@example.org"),
            new("Form.ClientAddress", "203.0.113.9"),
            new("Form.InvalidationReason", "none"),
            new("State", "Validated"),
            new("PetitionId", $"{otherId}"),
            new("Revision", "1"),
            new("SignatureCount", "1000000"),
            new("slug", Site.OtherSlug),
        ];

        using var response = await fixture.NewSupporter().SendSignatureFormAsync([.. supporter.FormFields(), .. extra]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/petitions/{Slug}/signed", response.Headers.Location?.OriginalString);
        var signature = Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        Assert.Equal(SignatureState.Pending, signature.State);
        Assert.Equal(before.Id, signature.PetitionId);
        Assert.Equal(before.Revision, signature.Revision);
        Assert.Equal(("newsletter-" + new string('x', 200))[..SignatureLimits.SourceLength], signature.Source);
        Assert.Null(signature.ConfirmedAt);
        Assert.Null(signature.InvalidationReason);
        Assert.Equal(fixture.Site.MailboxOf(supporter.Email), signature.NormalizedEmail);
        Assert.True(signature.CreatedAt > DateTime.UtcNow.AddMinutes(-5));
        Assert.NotEqual("203.0.113.9", signature.ClientAddress);
        Assert.Empty(await fixture.SignaturesFromAsync("victim@example.org"));
        Assert.Equal(0, await fixture.Site.QueryAsync(db => db.Signatures.CountAsync(s => s.PetitionId == otherId)));
        Assert.Equal(before.SignatureCount, (await PetitionAsync(Slug)).SignatureCount);
        Assert.Equal(before.SignatureCount, await fixture.PublicCountAsync());
    }

    [Fact]
    public async Task The_petition_editor_ignores_fields_for_its_count_state_and_history()
    {
        var before = await PetitionAsync(Slug);
        var summary = $"Free him ({Guid.NewGuid():N}).";
        List<KeyValuePair<string, string>> extra =
        [
            new("SignatureCount", "999999"),
            new("State", "Closed"),
            new("Revision", "50"),
            new("Id", "99"),
            new("OpenedAt", "2020-01-01T00:00"),
            new("ClosedAt", "2020-01-02T00:00"),
            new("CreatedAt", "2000-01-01T00:00"),
            new("RejectionReason", "Over-posted"),
            new("PersonalDataErasedAt", "2020-01-03T00:00"),
        ];

        using var response = await fixture.Admin.PostFormAsync(EditPath, [.. EditorFields(summary), .. extra]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var after = await PetitionAsync(Slug);
        Assert.Equal(summary, after.Summary);
        Assert.Equal(before with { Summary = summary, Revision = after.Revision }, after);
        Assert.InRange(after.Revision, before.Revision, before.Revision + 1);
        Assert.Equal(before.SignatureCount, await fixture.PublicCountAsync());
    }

    [Fact]
    public async Task A_new_petition_starts_pending_with_nothing_counted_whatever_the_form_says()
    {
        var slug = $"over-posted-{Guid.NewGuid():N}"[..30];
        List<KeyValuePair<string, string>> fields =
        [
            .. EditorFields("A new petition.").Where(f => f.Key != "Slug"),
            new("Slug", slug),
            new("State", "Open"),
            new("SignatureCount", "500"),
            new("Revision", "7"),
            new("OpenedAt", "2020-01-01T00:00"),
            new("PersonalDataErasedAt", "2020-01-03T00:00"),
        ];

        using var response = await fixture.Admin.PostFormAsync("/admin/petitions/new", fields);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var created = await PetitionAsync(slug);
        Assert.Equal(PetitionState.Pending, created.State);
        Assert.Equal(0, created.SignatureCount);
        Assert.Equal(1, created.Revision);
        Assert.Null(created.OpenedAt);
        Assert.Null(created.PersonalDataErasedAt);
    }

    private static List<KeyValuePair<string, string>> EditorFields(string summary) =>
    [
        new("Title", "Free Walid Daqqah!"), new("Slug", Slug), new("Summary", summary), new("BodyMarkdown", "Free him."),
        new("Goal", "10000"), new("OpensAt", ""), new("ClosesAt", ""),
    ];

    private Task<StoredPetition> PetitionAsync(string slug) => fixture.Site.QueryAsync(db => db.Petitions.AsNoTracking()
        .Where(p => p.Slug == slug)
        .Select(p => new StoredPetition(p.Id, p.Summary, p.State, p.SignatureCount, p.Revision, p.CreatedAt, p.OpenedAt, p.ClosedAt, p.RejectionReason, p.PersonalDataErasedAt))
        .SingleAsync());

    private sealed record StoredPetition(
        int Id, string Summary, PetitionState State, int SignatureCount, int Revision, DateTime CreatedAt, DateTime? OpenedAt, DateTime? ClosedAt, string? RejectionReason, DateTime? PersonalDataErasedAt);

    public sealed class Site : SiteFixture
    {
        public const string OtherSlug = "another-petition";

        public StaffClient Admin { get; private set; } = null!;

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await Site.QueryAsync(db =>
            {
                db.Petitions.Add(new Petition { Slug = OtherSlug, Title = "Another petition", Summary = "Another.", BodyMarkdown = "Another.", Goal = 100, State = PetitionState.Open });
                return db.SaveChangesAsync();
            });
            Admin = (await Site.SignedInStaffAsync("over-posting-admin@example.org", Roles.Admin)).Client;
        }
    }
}
