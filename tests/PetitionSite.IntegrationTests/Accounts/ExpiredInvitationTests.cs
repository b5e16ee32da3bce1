using System.Net;

namespace PetitionSite.IntegrationTests.Accounts;

public sealed class ExpiredInvitationTests(ClockedSiteFixture fixture) : IClassFixture<ClockedSiteFixture>
{
    [Fact]
    public async Task An_invitation_works_for_72_hours_and_then_says_it_has_expired()
    {
        var (admin, _) = await fixture.Site.SignedInStaffAsync("expiry-admin@example.org");
        using var invited = await admin.PostFormAsync("/admin/people", [new("Email", "late@example.org")]);
        using var second = await admin.PostFormAsync("/admin/people", [new("Email", "early@example.org")]);
        var late = InvitationTests.InvitationLinkIn(await fixture.Smtp.WaitForMessageToAsync("late@example.org"));
        var early = InvitationTests.InvitationLinkIn(await fixture.Smtp.WaitForMessageToAsync("early@example.org"));
        var client = fixture.Site.CreateStaffClient();

        fixture.Clock.Advance(TimeSpan.FromHours(72) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await client.OpenAsync(early)).Status);

        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await client.OpenAsync(late);
        Assert.Equal(HttpStatusCode.Gone, expired.Status);
        Assert.Equal("This invitation has expired", expired.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains("expiry-admin@example.org", expired.Text, StringComparison.Ordinal);
    }
}
