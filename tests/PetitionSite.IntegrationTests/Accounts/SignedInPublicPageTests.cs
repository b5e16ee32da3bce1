using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Accounts;

// A signed-in admin browses the public site too; what the site renders for them must never reach anyone else.
public sealed class SignedInPublicPageTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const string PetitionPage = "/petitions/" + PetitionSiteFactory.PetitionSlug;

    [Fact]
    public async Task An_admins_view_of_a_petition_page_is_never_served_to_a_stranger()
    {
        var (admin, member) = await fixture.Site.SignedInStaffAsync("public-view-admin@example.org");

        var adminsView = await admin.OpenAsync(PetitionPage);
        var strangersView = await fixture.NewSupporter().OpenAsync(PetitionPage);
        var nextStrangersView = await fixture.NewSupporter().OpenAsync(PetitionPage);
        var adminsSecondView = await admin.OpenAsync(PetitionPage);

        Assert.Contains(member.Email, adminsView.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(member.Email, strangersView.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Back office", strangersView.Text, StringComparison.Ordinal);
        Assert.NotEqual(adminsView.FormToken, strangersView.FormToken);
        // Strangers still share their own cached copy, and the admin never receives it.
        Assert.Equal(strangersView.FormToken, nextStrangersView.FormToken);
        Assert.NotEqual(strangersView.FormToken, adminsSecondView.FormToken);
        Assert.Contains(member.Email, adminsSecondView.Text, StringComparison.Ordinal);
    }
}
