using System.Net;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Accounts;
using PetitionSite.Admin.Audit;
using PetitionSite.IntegrationTests.Site;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Accounts;

public sealed class SignInRateLimitTests(LimitedSiteFixture fixture) : IClassFixture<LimitedSiteFixture>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_are_refused_whatever_the_account()
    {
        var organiser = await fixture.Site.CreateStaffAsync("per-client@example.org", Roles.Organiser, withTwoFactor: false);
        var sprayer = fixture.Site.CreateStaffClientAt(IPAddress.Parse("198.51.100.40"));
        for (var i = 0; i < LimitedSiteFixture.SignInPerClient; i++)
        {
            using var wrong = await sprayer.PostFormAsync("/account/login", [new("Email", $"guess-{i}@example.org"), new("Password", "Summer2025!")]);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        }

        using var refused = await sprayer.SignInAsync(organiser);

        var page = await RefusalPage.AssertRefusedAsync(refused, LimitedSiteFixture.SecondsToWaitFor(LimitedSiteFixture.SignInPerClient), "about 12 minutes");
        AssertInBackOfficeLayout(page);
        Assert.DoesNotContain(await AuditOfAsync(organiser.Email), e => e.Action == AuditAction.SignedIn);
        Assert.Equal(HttpStatusCode.Redirect, (await sprayer.Http.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Too_many_attempts_on_one_account_are_refused_from_any_address_before_the_password_is_checked()
    {
        var organiser = await fixture.Site.CreateStaffAsync("per-account@example.org", Roles.Organiser, withTwoFactor: false);
        for (var i = 0; i < LimitedSiteFixture.SignInPerAccount; i++)
        {
            using var wrong = await fixture.Site.CreateStaffClientAt(fixture.NextAddress())
                .PostFormAsync("/account/login", [new("Email", organiser.Email), new("Password", "guess-" + i)]);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        }

        using var refused = await fixture.Site.CreateStaffClientAt(fixture.NextAddress()).SignInAsync(organiser);

        var page = await RefusalPage.AssertRefusedAsync(refused, LimitedSiteFixture.SecondsToWaitFor(LimitedSiteFixture.SignInPerAccount), "about 20 minutes");
        AssertInBackOfficeLayout(page);
        var audit = await AuditOfAsync(organiser.Email);
        Assert.Equal(LimitedSiteFixture.SignInPerAccount, audit.Count);
        Assert.All(audit, e => Assert.Equal(AuditAction.SignInFailed, e.Action));
        var failures = await fixture.Site.QueryAsync(db => db.Users.Where(u => u.Email == organiser.Email).Select(u => u.AccessFailedCount).SingleAsync());
        Assert.Equal(LimitedSiteFixture.SignInPerAccount, failures);
    }

    [Fact]
    public async Task Guessing_codes_counts_against_the_same_account_as_passwords()
    {
        var admin = await fixture.Site.CreateStaffAsync("per-account-code@example.org");
        var client = fixture.Site.CreateStaffClientAt(fixture.NextAddress());
        using var password = await client.PostFormAsync("/account/login", [new("Email", admin.Email), new("Password", admin.Password)]);
        var twoFactor = password.Headers.Location!.OriginalString;
        for (var i = 1; i < LimitedSiteFixture.SignInPerAccount; i++)
        {
            using var wrong = await client.PostFormAsync(twoFactor, [new("Code", "000000")]);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        }

        using var refused = await client.PostFormAsync(twoFactor, [new("Code", Totp.Code(admin.AuthenticatorKey!))]);

        await RefusalPage.AssertRefusedAsync(refused, LimitedSiteFixture.SecondsToWaitFor(LimitedSiteFixture.SignInPerAccount), "about 20 minutes");
        Assert.DoesNotContain(await AuditOfAsync(admin.Email), e => e.Action == AuditAction.SignedIn);
    }

    // The sign-in page's own look: the back office's stylesheet, and kept out of search engines.
    private static void AssertInBackOfficeLayout(WebPage page)
    {
        Assert.NotNull(page.Document.QuerySelector("link[rel=stylesheet][href^='/css/admin']"));
        Assert.NotNull(page.Document.QuerySelector("meta[name=robots][content=noindex]"));
    }

    private Task<List<AuditEntry>> AuditOfAsync(string email) =>
        fixture.Site.QueryAsync(db => db.AuditEntries.Where(e => e.Actor == email).ToListAsync());
}
