using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PetitionSite.Accounts;
using PetitionSite.Admin.Audit;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Accounts;

public sealed partial class InvitationTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const string NewPassword = "Organiser-password-42";

    [Fact]
    public async Task An_invited_organiser_chooses_a_password_and_sees_only_the_petitions_assigned_to_them()
    {
        var (admin, adminMember) = await fixture.Site.SignedInStaffAsync("inviting-admin@example.org");
        const string email = "new-organiser@example.org";

        using var invited = await admin.PostFormAsync("/admin/people", [new("Email", email)]);
        Assert.Equal(HttpStatusCode.SeeOther, invited.StatusCode);
        Assert.Contains(email, (await admin.OpenAsync("/admin/people")).Text, StringComparison.Ordinal);
        var message = await fixture.Smtp.WaitForMessageToAsync(email);
        Assert.Contains(adminMember.Email, message.TextBody, StringComparison.Ordinal);
        var link = InvitationLinkIn(message);
        await AssignAsync(admin, email);

        var organiser = fixture.Site.CreateStaffClient();
        var form = await organiser.OpenAsync(link);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains(email, form.Text, StringComparison.Ordinal);
        using var accepted = await organiser.PostFormAsync(link, [new("Password", NewPassword), new("ConfirmPassword", NewPassword)]);
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);

        var signedIn = fixture.Site.CreateStaffClient();
        using var login = await signedIn.SignInAsync(new StaffMember(email, NewPassword, Roles.Organiser, null));
        Assert.Equal("/admin", login.Headers.Location!.OriginalString);
        var dashboard = await signedIn.OpenAsync("/admin");
        Assert.Equal([PetitionSiteFactory.PetitionSlug], dashboard.Document.QuerySelectorAll("main tbody a").Select(a => a.GetAttribute("href")!.Split('/').Last()).ToArray());
        Assert.Contains(await AuditAsync(), e => e.Action == AuditAction.OrganiserInvited && e.Actor == adminMember.Email);
        Assert.Contains(await AuditAsync(), e => e.Action == AuditAction.InvitationAccepted && e.Actor == email);
        var user = await fixture.Site.QueryAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.True(user.EmailConfirmed);

        var again = await organiser.OpenAsync(link);
        Assert.Equal(HttpStatusCode.Gone, again.Status);
        Assert.Contains("already been used", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organiser_sees_no_petition_they_are_not_assigned_to_and_cannot_manage_people()
    {
        var (organiser, _) = await fixture.Site.SignedInStaffAsync("unassigned-organiser@example.org", Roles.Organiser, withTwoFactor: false);

        Assert.Equal(HttpStatusCode.Forbidden, (await organiser.OpenAsync("/admin/people")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await organiser.OpenAsync($"/admin/petitions/{PetitionSiteFactory.PetitionSlug}/organisers")).Status);
        Assert.Empty((await organiser.OpenAsync("/admin")).Document.QuerySelectorAll("main tbody tr"));
        using var invite = await organiser.PostFormAsync("/admin/people", [new("Email", "sneaky@example.org")], formPage: "/admin");
        Assert.Equal(HttpStatusCode.Forbidden, invite.StatusCode);
        Assert.False(await fixture.Site.QueryAsync(db => db.Users.AnyAsync(u => u.Email == "sneaky@example.org")));
    }

    [Fact]
    public async Task Inviting_an_address_that_has_an_account_is_refused_with_a_clear_message()
    {
        var (admin, member) = await fixture.Site.SignedInStaffAsync("refusing-admin@example.org");

        using var response = await admin.PostFormAsync("/admin/people", [new("Email", member.Email)]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await WebPage.ReadAsync(response);
        Assert.Contains("already has an account", page.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(member.Email, page.ValueOf("#Email"));
    }

    [Theory]
    [InlineData("", "Enter the organiser's email address")]
    [InlineData("not-an-address", "correct format")]
    [InlineData("Someone <someone@example.org>", "correct format")]
    public async Task A_bad_address_is_refused_and_kept_in_the_form(string email, string message)
    {
        var (admin, _) = await fixture.Site.SignedInStaffAsync($"validating-{Guid.NewGuid():N}@example.org");

        using var response = await admin.PostFormAsync("/admin/people", [new("Email", email)]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await WebPage.ReadAsync(response);
        Assert.Contains(message, page.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(email, page.ValueOf("#Email"));
    }

    [Fact]
    public async Task Inviting_again_sends_a_new_link_and_the_old_one_stops_working()
    {
        var (admin, _) = await fixture.Site.SignedInStaffAsync("re-inviting-admin@example.org");
        const string email = "slow-organiser@example.org";
        using var first = await admin.PostFormAsync("/admin/people", [new("Email", email)]);
        var oldLink = InvitationLinkIn((await fixture.Smtp.WaitForMessagesToAsync(email, 1))[0]);

        using var second = await admin.PostFormAsync("/admin/people", [new("Email", email)]);
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        var newLink = InvitationLinkIn((await fixture.Smtp.WaitForMessagesToAsync(email, 2))[1]);

        var client = fixture.Site.CreateStaffClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.OpenAsync(oldLink)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.OpenAsync(newLink)).Status);
        Assert.Equal(1, await fixture.Site.QueryAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_password_that_breaks_the_rules_or_does_not_match_is_refused()
    {
        var (admin, _) = await fixture.Site.SignedInStaffAsync("rules-admin@example.org");
        const string email = "rule-breaker@example.org";
        using var invited = await admin.PostFormAsync("/admin/people", [new("Email", email)]);
        var link = InvitationLinkIn(await fixture.Smtp.WaitForMessageToAsync(email));
        var client = fixture.Site.CreateStaffClient();

        using var tooShort = await client.PostFormAsync(link, [new("Password", "short"), new("ConfirmPassword", "short")]);
        using var different = await client.PostFormAsync(link, [new("Password", NewPassword), new("ConfirmPassword", NewPassword + "!")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooShort.StatusCode);
        Assert.Contains("at least 12 characters", (await WebPage.ReadAsync(tooShort)).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        Assert.Contains("not the same", (await WebPage.ReadAsync(different)).Text, StringComparison.Ordinal);
        Assert.False(await fixture.Site.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash != null).SingleAsync()));
    }

    [Theory]
    [InlineData("/account/invitation/not-a-token")]
    [InlineData("/account/invitation/ZDwFVGJv_CEXHdXaKzJGKFkHmzINSQNgHpa9WM3dHVU")]
    public async Task An_unknown_link_says_so(string link)
    {
        var page = await fixture.Site.CreateStaffClient().OpenAsync(link);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("This invitation link is not valid", page.Document.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Admins_assign_and_remove_organisers_and_it_is_audited()
    {
        var (admin, _) = await fixture.Site.SignedInStaffAsync("assigning-admin@example.org");
        var (organiser, member) = await fixture.Site.SignedInStaffAsync("assigned-organiser@example.org", Roles.Organiser, withTwoFactor: false);
        var path = $"/admin/petitions/{PetitionSiteFactory.PetitionSlug}/organisers";

        using var nobody = await admin.PostFormAsync(path, [new("UserId", "")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nobody.StatusCode);
        await AssignAsync(admin, member.Email);
        Assert.Equal(HttpStatusCode.OK, (await organiser.OpenAsync("/admin")).Status);
        Assert.Single((await organiser.OpenAsync("/admin")).Document.QuerySelectorAll("main tbody tr"));
        Assert.Contains(member.Email, (await admin.OpenAsync("/admin/people")).Document.QuerySelector($"a[href='{path}']")!.Closest("tr")!.TextContent, StringComparison.Ordinal);

        var userId = await fixture.Site.QueryAsync(db => db.Users.Where(u => u.Email == member.Email).Select(u => u.Id).SingleAsync());
        using var removed = await admin.PostFormAsync(path + "/remove", [new("UserId", userId)], formPage: path);
        Assert.Equal(HttpStatusCode.SeeOther, removed.StatusCode);

        Assert.Empty((await organiser.OpenAsync("/admin")).Document.QuerySelectorAll("main tbody tr"));
        var audit = await AuditAsync();
        Assert.Contains(audit, e => e.Action == AuditAction.OrganiserAssigned && e.PetitionSlug == PetitionSiteFactory.PetitionSlug && e.Details == member.Email);
        Assert.Contains(audit, e => e.Action == AuditAction.OrganiserUnassigned && e.PetitionSlug == PetitionSiteFactory.PetitionSlug && e.Details == member.Email);
    }

    // Picks the organiser from the select on the petition's organisers page, as an admin would.
    private static async Task AssignAsync(StaffClient admin, string email)
    {
        var path = $"/admin/petitions/{PetitionSiteFactory.PetitionSlug}/organisers";
        var page = await admin.OpenAsync(path);
        var option = page.Document.QuerySelectorAll("#UserId option").Single(o => o.TextContent == email);
        using var assigned = await admin.PostFormAsync(path, [new("UserId", option.GetAttribute("value")!)], formPage: path);
        Assert.Equal(HttpStatusCode.SeeOther, assigned.StatusCode);
    }

    private Task<List<AuditEntry>> AuditAsync() => fixture.Site.QueryAsync(db => db.AuditEntries.ToListAsync());

    // The path of the link in the email, as the invited person would open it.
    public static string InvitationLinkIn(MimeMessage message)
    {
        var match = InvitationLink().Match(message.TextBody ?? "");
        return match.Success ? match.Groups["path"].Value : throw new InvalidOperationException("The email has no invitation link:\n" + message.TextBody);
    }

    [GeneratedRegex(@"https?://[^\s/]+(?<path>/account/invitation/[A-Za-z0-9_-]+)")]
    private static partial Regex InvitationLink();
}
