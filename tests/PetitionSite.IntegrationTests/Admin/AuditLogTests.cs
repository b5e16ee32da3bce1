using System.Net;
using PetitionSite.Admin.Audit;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Admin;

public sealed class AuditLogTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task The_audit_log_lists_entries_newest_first_and_filters_by_action_and_petition()
    {
        var (client, admin) = await fixture.Site.SignedInStaffAsync("auditor@example.org");
        using (var export = await client.Http.GetAsync($"/admin/petitions/{PetitionSiteFactory.PetitionSlug}/signatures.csv"))
        {
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            await export.Content.ReadAsByteArrayAsync();
        }

        var everything = await client.OpenAsync("/admin/audit");
        var exports = await client.OpenAsync("/admin/audit?action=SignaturesExported");
        var byPetition = await client.OpenAsync($"/admin/audit?petition={PetitionSiteFactory.PetitionSlug}");
        var signIns = await client.OpenAsync($"/admin/audit?action=SignedIn&petition={PetitionSiteFactory.PetitionSlug}");
        var unknown = await client.OpenAsync("/admin/audit?action=Nonsense");

        Assert.Equal(HttpStatusCode.OK, everything.Status);
        var rows = everything.Document.QuerySelectorAll("tbody tr").Select(r => WebPage.Normalize(r.TextContent)).ToList();
        Assert.Contains(admin.Email, rows[0], StringComparison.Ordinal);
        Assert.Contains("SignaturesExported", rows[0], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Contains("SignedIn", StringComparison.Ordinal));
        Assert.All(exports.Document.QuerySelectorAll("tbody tr"), r => Assert.Contains(nameof(AuditAction.SignaturesExported), r.TextContent, StringComparison.Ordinal));
        Assert.Single(exports.Document.QuerySelectorAll("tbody tr"));
        Assert.Single(byPetition.Document.QuerySelectorAll("tbody tr"));
        Assert.Empty(signIns.Document.QuerySelectorAll("tbody tr"));
        Assert.Equal("SignaturesExported", exports.ValueOf("#action"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.Status);
    }
}
