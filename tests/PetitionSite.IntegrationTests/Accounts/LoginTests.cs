using System.Net;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Accounts;
using PetitionSite.Admin.Audit;

namespace PetitionSite.IntegrationTests.Accounts;

public sealed class LoginTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task An_admin_with_a_second_factor_signs_in_with_password_and_code()
    {
        var admin = await fixture.Site.CreateStaffAsync("login-admin@example.org");
        var client = fixture.Site.CreateStaffClient();

        using var password = await client.PostFormAsync("/account/login", [new("Email", admin.Email), new("Password", admin.Password)]);
        Assert.Equal(HttpStatusCode.SeeOther, password.StatusCode);
        Assert.StartsWith("/account/login/two-factor", password.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var code = await client.PostFormAsync(password.Headers.Location.OriginalString, [new("Code", Testing.Totp.Code(admin.AuthenticatorKey!))]);
        Assert.Equal(HttpStatusCode.SeeOther, code.StatusCode);
        Assert.Equal("/admin", code.Headers.Location!.OriginalString);
        Assert.Contains(await AuditOfAsync(admin.Email), e => e.Action == AuditAction.SignedIn);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_message()
    {
        var organiser = await fixture.Site.CreateStaffAsync("wrong-password@example.org", Roles.Organiser, withTwoFactor: false);
        var client = fixture.Site.CreateStaffClient();

        using var wrongPassword = await client.PostFormAsync("/account/login", [new("Email", organiser.Email), new("Password", "not-the-password")]);
        using var unknownEmail = await client.PostFormAsync("/account/login", [new("Email", "nobody@example.org"), new("Password", "not-the-password")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownEmail.StatusCode);
        var first = await Testing.WebPage.ReadAsync(wrongPassword);
        var second = await Testing.WebPage.ReadAsync(unknownEmail);
        Assert.Equal(first.Document.QuerySelector(".error-summary")!.TextContent, second.Document.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("nobody@example.org", second.ValueOf("#Email"));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var organiser = await fixture.Site.CreateStaffAsync("lockout@example.org", Roles.Organiser, withTwoFactor: false);
        var client = fixture.Site.CreateStaffClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.PostFormAsync("/account/login", [new("Email", organiser.Email), new("Password", "guess-" + i)]);
        }

        using var right = await client.PostFormAsync("/account/login", [new("Email", organiser.Email), new("Password", organiser.Password)]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, right.StatusCode);
        Assert.Contains("locked", (await Testing.WebPage.ReadAsync(right)).Text, StringComparison.Ordinal);
        Assert.Contains(await AuditOfAsync(organiser.Email), e => e.Action == AuditAction.LockedOut);
    }

    [Theory]
    [InlineData("/admin/audit", "/admin/audit")]
    [InlineData("https://evil.example/phish", "/admin")]
    [InlineData("//evil.example/phish", "/admin")]
    public async Task Signing_in_follows_only_a_local_return_address(string returnUrl, string expected)
    {
        var organiser = await fixture.Site.CreateStaffAsync($"return-{Guid.NewGuid():N}@example.org", Roles.Organiser, withTwoFactor: false);

        using var response = await fixture.Site.CreateStaffClient().SignInAsync(organiser, returnUrl);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_secure()
    {
        var organiser = await fixture.Site.CreateStaffAsync("cookie@example.org", Roles.Organiser, withTwoFactor: false);

        using var response = await fixture.Site.CreateStaffClient().SignInAsync(organiser);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Signing_out_is_a_post_and_ends_the_session()
    {
        var (client, _) = await fixture.Site.SignedInStaffAsync("sign-out@example.org", Roles.Organiser, withTwoFactor: false);

        using var get = await client.Http.GetAsync("/account/logout");
        Assert.NotEqual(HttpStatusCode.SeeOther, get.StatusCode);
        using var post = await client.PostFormAsync("/account/logout", [], formPage: "/account/login");
        Assert.Equal(HttpStatusCode.SeeOther, post.StatusCode);

        using var after = await client.Http.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("https://localhost/account/login", after.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private Task<List<AuditEntry>> AuditOfAsync(string email) =>
        fixture.Site.QueryAsync(db => db.AuditEntries.Where(e => e.Actor == email).ToListAsync());
}
