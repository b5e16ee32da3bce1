using System.Net;
using PetitionSite.Accounts;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Admin;

public sealed class ModerationAccessTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const string Petition = "/admin/petitions/" + PetitionSiteFactory.PetitionSlug;

    [Theory]
    [InlineData("GET", Petition + "/signatures")]
    [InlineData("GET", Petition + "/signatures.csv")]
    [InlineData("GET", Petition + "/signatures/1/erase")]
    [InlineData("POST", Petition + "/signatures/1/erase")]
    [InlineData("POST", Petition + "/signatures/invalidate")]
    [InlineData("POST", Petition + "/signatures/reinstate")]
    [InlineData("GET", "/admin/audit")]
    public async Task An_organiser_is_forbidden_moderation_export_and_the_audit_log(string method, string path)
    {
        var (client, _) = await fixture.Site.SignedInStaffAsync($"organiser-{Guid.NewGuid():N}@example.org", Roles.Organiser);

        using var response = method == "GET"
            ? await client.Http.GetAsync(path)
            : await client.PostFormAsync(path, [new("Scope", "all"), new("Reason", "x"), new("Confirmed", "true")], formPage: "/admin");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(Petition + "/signatures?Country=FR")]
    [InlineData(Petition + "/signatures.csv?States=all")]
    public async Task An_admin_without_a_second_factor_is_sent_to_enrol_one_first(string path)
    {
        var (client, _) = await fixture.Site.SignedInStaffAsync($"no-2fa-{Guid.NewGuid():N}@example.org", Roles.Admin, withTwoFactor: false);

        using var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/two-factor?returnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.OriginalString);
    }
}
