using System.Net;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Accounts;
using PetitionSite.Admin.Audit;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Accounts;

public sealed class TwoFactorEnrolmentTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Enrolling_shows_recovery_codes_once_and_then_sign_in_asks_for_a_code()
    {
        var (client, member) = await fixture.Site.SignedInStaffAsync("enrol@example.org", Roles.Organiser, withTwoFactor: false);

        var (key, codes) = await EnrolAsync(client);

        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.SeeOther, (await client.Http.GetAsync("/account/two-factor/recovery-codes")).StatusCode);
        var status = await client.OpenAsync("/account/two-factor");
        Assert.Contains("Two-factor sign-in is on", status.Text, StringComparison.Ordinal);
        Assert.Contains(await AuditOfAsync(member.Email), e => e.Action == AuditAction.TwoFactorEnabled);

        await SignOutAsync(client);
        using var signedIn = await fixture.Site.CreateStaffClient().SignInAsync(member with { AuthenticatorKey = key });
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Equal("/admin", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (client, member) = await fixture.Site.SignedInStaffAsync("recovery@example.org", Roles.Organiser, withTwoFactor: false);
        var (_, codes) = await EnrolAsync(client);

        using var first = await SignInWithRecoveryCodeAsync(member, codes[3]);
        using var again = await SignInWithRecoveryCodeAsync(member, codes[3]);

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal("/admin", first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_the_key_and_qr_code_stay_on_the_page()
    {
        var (client, _) = await fixture.Site.SignedInStaffAsync("wrong-code@example.org", Roles.Organiser, withTwoFactor: false);
        var page = await client.OpenAsync("/account/two-factor");
        var key = KeyOn(page);
        var wrong = Totp.Code(key) == "000000" ? "111111" : "000000";

        using var response = await client.PostFormAsync("/account/two-factor", [new("Code", wrong)]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var again = await WebPage.ReadAsync(response);
        Assert.Contains("not right", again.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(key, KeyOn(again));
        Assert.NotNull(again.Document.QuerySelector("img.qr-code[src^='data:image/png;base64,']"));
        Assert.False(await fixture.Site.QueryAsync(db => db.Users.Where(u => u.Email == "wrong-code@example.org").Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task The_set_up_page_shows_the_key_as_a_qr_code_drawn_by_the_site()
    {
        var (client, _) = await fixture.Site.SignedInStaffAsync("qr@example.org", Roles.Admin, withTwoFactor: false);

        var page = await client.OpenAsync("/account/two-factor");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var image = page.Document.QuerySelector("img.qr-code")!;
        var png = Convert.FromBase64String(image.GetAttribute("src")!["data:image/png;base64,".Length..]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.False(string.IsNullOrWhiteSpace(image.GetAttribute("alt")));
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", KeyOn(page));
    }

    [Fact]
    public async Task After_enrolling_the_person_is_taken_back_to_the_page_they_asked_for()
    {
        var (client, _) = await fixture.Site.SignedInStaffAsync("return-enrol@example.org", Roles.Admin, withTwoFactor: false);
        const string asked = "/admin/petitions/free-walid-daqqah/signatures";

        var (_, _, continueLink) = await EnrolAsync(client, asked);
        var (other, _) = await fixture.Site.SignedInStaffAsync("away-enrol@example.org", Roles.Admin, withTwoFactor: false);
        var away = await EnrolAsync(other, "https://evil.example/");

        Assert.Equal(asked, continueLink);
        Assert.Equal("/account/two-factor", away.ContinueLink);
    }

    [Fact]
    public async Task Resetting_needs_confirmation_then_turns_two_factor_off_with_a_new_key()
    {
        var (client, member) = await fixture.Site.SignedInStaffAsync("reset@example.org", Roles.Organiser, withTwoFactor: true);

        using var unconfirmed = await client.PostFormAsync("/account/two-factor/reset", [], formPage: "/account/two-factor");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);

        using var confirmed = await client.PostFormAsync("/account/two-factor/reset", [new("Confirm", "true")], formPage: "/account/two-factor");
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        var page = await client.OpenAsync("/account/two-factor");
        Assert.Contains("Two-factor sign-in is off", page.Text, StringComparison.Ordinal);
        Assert.NotEqual(member.AuthenticatorKey!.ToLowerInvariant(), KeyOn(page).Replace(" ", "", StringComparison.Ordinal));
        Assert.Contains(await AuditOfAsync(member.Email), e => e.Action == AuditAction.TwoFactorReset);
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        var (client, member) = await fixture.Site.SignedInStaffAsync("new-codes@example.org", Roles.Organiser, withTwoFactor: false);
        var (_, old) = await EnrolAsync(client);

        using var renewed = await client.PostFormAsync("/account/two-factor/recovery-codes", [], formPage: "/account/two-factor");
        Assert.Equal(HttpStatusCode.SeeOther, renewed.StatusCode);
        var fresh = CodesOn(await client.OpenAsync(renewed.Headers.Location!.OriginalString));

        Assert.Equal(10, fresh.Count);
        using var withOld = await SignInWithRecoveryCodeAsync(member, old[0]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withOld.StatusCode);
        using var withNew = await SignInWithRecoveryCodeAsync(member, fresh[0]);
        Assert.Equal(HttpStatusCode.SeeOther, withNew.StatusCode);
    }

    [Fact]
    public async Task The_two_factor_page_is_only_for_signed_in_staff()
    {
        using var response = await fixture.Site.CreateStaffClient().Http.GetAsync("/account/two-factor");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static async Task<(string Key, IReadOnlyList<string> Codes)> EnrolAsync(StaffClient client)
    {
        var (key, codes, _) = await EnrolAsync(client, null);
        return (key, codes);
    }

    // Reads the key from the page as a person would type it into their app, and answers with the app's code.
    private static async Task<(string Key, IReadOnlyList<string> Codes, string ContinueLink)> EnrolAsync(StaffClient client, string? returnUrl)
    {
        var path = "/account/two-factor" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var key = KeyOn(await client.OpenAsync(path));
        using var enabled = await client.PostFormAsync(path, [new("Code", Totp.Code(key))]);
        Assert.Equal(HttpStatusCode.SeeOther, enabled.StatusCode);
        var codesPage = await client.OpenAsync(enabled.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, codesPage.Status);
        var continueLink = codesPage.Document.QuerySelectorAll("main a").Single(a => a.TextContent.Contains("continue", StringComparison.Ordinal)).GetAttribute("href")!;
        return (key, CodesOn(codesPage), continueLink);
    }

    private async Task<HttpResponseMessage> SignInWithRecoveryCodeAsync(StaffMember member, string code)
    {
        var client = fixture.Site.CreateStaffClient();
        using var password = await client.PostFormAsync("/account/login", [new("Email", member.Email), new("Password", member.Password)]);
        Assert.Equal(HttpStatusCode.SeeOther, password.StatusCode);
        return await client.PostFormAsync("/account/login/two-factor", [new("Code", code), new("UseRecoveryCode", "true")], formPage: "/account/login/two-factor?recovery=true");
    }

    private static async Task SignOutAsync(StaffClient client)
    {
        using var response = await client.PostFormAsync("/account/logout", [], formPage: "/account/two-factor");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    private static string KeyOn(WebPage page) =>
        page.Document.QuerySelector("#authenticator-key")?.TextContent.Trim() ?? throw new InvalidOperationException("No key on the page:\n" + page.Text);

    private static List<string> CodesOn(WebPage page) =>
        page.Document.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent.Trim()).ToList();

    private Task<List<AuditEntry>> AuditOfAsync(string email) =>
        fixture.Site.QueryAsync(db => db.AuditEntries.Where(e => e.Actor == email).ToListAsync());
}
