using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PetitionSite.Accounts;
using PetitionSite.Admin.Audit;
using PetitionSite.Email;
using PetitionSite.IntegrationTests.Accounts;
using PetitionSite.IntegrationTests.Admin;
using PetitionSite.Petitions;
using PetitionSite.Privacy;
using PetitionSite.Signing;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Privacy;

// The retention jobs on the default periods, with the site's clock moved on instead of waiting for days to pass.
public sealed class RetentionTests(RetentionTests.RetentionSiteFixture fixture) : IClassFixture<RetentionTests.RetentionSiteFixture>
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    // The schedule runs the same jobs whenever the moved clock passes one of its ticks, maybe just before a test's own
    // run; so the tests check what is left in the database and the audit log, never which run did the work.
    private RetentionJobs Jobs => fixture.Site.Services.GetRequiredService<RetentionJobs>();

    [Fact]
    public async Task An_unconfirmed_signature_is_deleted_after_14_days_and_not_before()
    {
        var unconfirmed = Supporter.New();
        var confirmed = Supporter.New();
        await fixture.SignAndGetLinkAsync(unconfirmed);
        await ConfirmAsync(confirmed);
        var pending = Assert.Single(await fixture.SignaturesFromAsync(unconfirmed.Email));
        var count = await fixture.PublicCountAsync();

        fixture.Clock.Advance(TimeSpan.FromDays(14) - Hour);
        await Jobs.RunAsync(TestContext.Current.CancellationToken);
        Assert.Single(await fixture.SignaturesFromAsync(unconfirmed.Email));

        fixture.Clock.Advance(2 * Hour);
        await Jobs.RunAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await fixture.SignaturesFromAsync(unconfirmed.Email));
        Assert.Equal((0, 0, 0), await LeftOverOfAsync(pending.Id));
        Assert.Single(await fixture.SignaturesFromAsync(confirmed.Email));
        Assert.Equal(count, await fixture.PublicCountAsync());
        Assert.True((await Jobs.RunAsync(TestContext.Current.CancellationToken)).IsEmpty);
    }

    [Fact]
    public async Task A_client_address_is_cleared_after_30_days_and_the_signature_stays()
    {
        var supporter = Supporter.New();
        await ConfirmAsync(supporter);
        // The test server has no remote address, so the address a real visitor would leave is written in directly.
        await fixture.Site.QueryAsync(db => db.Signatures
            .Where(s => s.Email == supporter.Email)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClientAddress, "203.0.113.7").SetProperty(x => x.ClientNetwork, "203.0.113.0/24")));

        fixture.Clock.Advance(TimeSpan.FromDays(30) - Hour);
        await Jobs.RunAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("203.0.113.7", "203.0.113.0/24"), AddressOf(Assert.Single(await fixture.SignaturesFromAsync(supporter.Email))));

        fixture.Clock.Advance(2 * Hour);
        await Jobs.RunAsync(TestContext.Current.CancellationToken);

        var signature = Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        Assert.Equal((null, null), AddressOf(signature));
        Assert.Equal(SignatureState.Validated, signature.State);
        Assert.True((await Jobs.RunAsync(TestContext.Current.CancellationToken)).IsEmpty);
    }

    [Fact]
    public async Task Ninety_days_after_closing_the_signers_are_erased_and_the_counts_stay()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = await admin.CreateOpenPetitionAsync();
        var named = Supporter.New("Hendrika", "Oosterhuis") with { Source = "newsletter", Country = "FR" };
        await ConfirmAsync(named, slug);
        await ConfirmAsync(Supporter.New(), slug);
        await admin.PressAsync(slug, "close");
        var counters = await CountersAsync(slug);

        await AssertErasedOnlyAfter90DaysAsync(slug, signatures: 2);
        Assert.Equal(2, await fixture.PublicCountAsync(slug));
        Assert.Equal(counters, await CountersAsync(slug));
        Assert.Contains("Source newsletter 1", counters);
        Assert.Contains("Country FR 1", counters);
        var audit = await fixture.Site.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.PersonalDataErased && e.PetitionSlug == slug));
        Assert.Null(audit.Actor);
        Assert.Contains("2 signatures deleted", audit.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(named.Email, audit.Details, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(named.LastName, audit.Details, StringComparison.OrdinalIgnoreCase);

        var again = await Jobs.RunAsync(TestContext.Current.CancellationToken);
        Assert.True(again.IsEmpty);
        Assert.Single(await fixture.Site.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.PersonalDataErased && e.PetitionSlug == slug).ToListAsync()));
    }

    [Fact]
    public async Task A_reopened_petition_keeps_its_new_signers_until_90_days_after_it_closes_again()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = await admin.CreateOpenPetitionAsync();
        await ConfirmAsync(Supporter.New(), slug);
        await admin.PressAsync(slug, "close");
        fixture.Clock.Advance(TimeSpan.FromDays(91));
        await Jobs.RunAsync(TestContext.Current.CancellationToken);
        var firstErasure = await ErasedAtAsync(slug);
        Assert.NotNull(firstErasure);

        // Reopened long after: its new signers are not taken for the old ones.
        fixture.Clock.Advance(Hour);
        (admin, _) = await fixture.SignedInAdminAsync();
        await admin.PressAsync(slug, "reopen");
        var newcomer = Supporter.New();
        await ConfirmAsync(newcomer, slug);
        fixture.Clock.Advance(Hour);
        await Jobs.RunAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await SignaturesOnAsync(slug));

        await admin.PressAsync(slug, "close");
        fixture.Clock.Advance(TimeSpan.FromDays(90) - Hour);
        await Jobs.RunAsync(TestContext.Current.CancellationToken);
        Assert.Single(await fixture.SignaturesFromAsync(newcomer.Email));
        Assert.Equal(firstErasure, await ErasedAtAsync(slug));

        fixture.Clock.Advance(2 * Hour);
        await Jobs.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, await SignaturesOnAsync(slug));
        Assert.Equal(2, await fixture.PublicCountAsync(slug));
        Assert.True(await ErasedAtAsync(slug) > firstErasure);
    }

    [Fact]
    public async Task Ninety_days_after_rejection_the_signers_are_erased_and_the_count_stays()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = await admin.CreateOpenPetitionAsync();
        var signer = Supporter.New("Rejected", "Signer");
        await ConfirmAsync(signer, slug);
        await ConfirmAsync(Supporter.New(), slug);
        // Long enough after opening that counting from it would erase too soon.
        fixture.Clock.Advance(TimeSpan.FromDays(20));
        (admin, _) = await fixture.SignedInAdminAsync();
        using (var rejected = await admin.ChangeStateAsync(slug, "reject", new KeyValuePair<string, string>("Reason", "Duplicate of another petition")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, rejected.StatusCode);
        }

        await AssertErasedOnlyAfter90DaysAsync(slug, signatures: 2);
        Assert.Empty(await fixture.SignaturesFromAsync(signer.Email));
        Assert.Equal(2, await fixture.Site.QueryAsync(db => db.Petitions.Where(p => p.Slug == slug).Select(p => p.SignatureCount).SingleAsync()));
        var audit = await fixture.Site.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.PersonalDataErased && e.PetitionSlug == slug));
        Assert.Contains("90 days after rejection: 2 signatures deleted", audit.Details, StringComparison.Ordinal);
        Assert.True((await Jobs.RunAsync(TestContext.Current.CancellationToken)).IsEmpty);
    }

    [Fact]
    public async Task A_petition_rejected_with_no_date_kept_is_erased_90_days_after_the_jobs_first_see_it()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = await admin.CreateOpenPetitionAsync();
        await ConfirmAsync(Supporter.New(), slug);
        // As a rejection made before rejecting kept a date leaves it.
        await fixture.Site.QueryAsync(db => db.Petitions.Where(p => p.Slug == slug)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.State, PetitionState.Rejected).SetProperty(p => p.ClosedAt, (DateTime?)null)));

        await Jobs.RunAsync(TestContext.Current.CancellationToken);
        var seen = fixture.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(seen, await fixture.Site.QueryAsync(db => db.Petitions.Where(p => p.Slug == slug).Select(p => p.ClosedAt).SingleAsync()));

        await AssertErasedOnlyAfter90DaysAsync(slug, signatures: 1);
        Assert.Equal(seen, await fixture.Site.QueryAsync(db => db.Petitions.Where(p => p.Slug == slug).Select(p => p.ClosedAt).SingleAsync()));
    }

    [Fact]
    public async Task An_invitation_nobody_accepted_is_deleted_30_days_after_it_expired_and_the_person_can_be_invited_again()
    {
        var (admin, _) = await fixture.Site.SignedInStaffAsync("retention-inviter@example.org");
        const string email = "never-came@example.org";
        using (var invited = await admin.PostFormAsync("/admin/people", [new("Email", email)]))
        {
            Assert.Equal(HttpStatusCode.SeeOther, invited.StatusCode);
        }

        await fixture.Smtp.WaitForMessageToAsync(email);
        var accepted = await AcceptedInvitationsAsync();

        fixture.Clock.Advance(Invitation.Lifetime + TimeSpan.FromDays(30) - Hour);
        await Jobs.RunAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await InvitationsToAsync(email));

        fixture.Clock.Advance(2 * Hour);
        await Jobs.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, await InvitationsToAsync(email));
        Assert.Equal(accepted, await AcceptedInvitationsAsync());
        Assert.True((await Jobs.RunAsync(TestContext.Current.CancellationToken)).IsEmpty);

        // The account still waits for a password: inviting again sends a new link that works.
        (admin, _) = await fixture.Site.SignedInStaffAsync("retention-inviter-later@example.org");
        using (var again = await admin.PostFormAsync("/admin/people", [new("Email", email)]))
        {
            Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        }

        var link = InvitationTests.InvitationLinkIn((await fixture.Smtp.WaitForMessagesToAsync(email, 2))[1]);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Site.CreateStaffClient().OpenAsync(link)).Status);
        Assert.Equal(1, await InvitationsToAsync(email));
    }

    [Fact]
    public async Task Spent_links_sent_and_failed_emails_and_old_audit_lines_each_go_after_their_own_period()
    {
        var supporter = Supporter.New();
        await ConfirmAsync(supporter);
        var signature = Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        // Signing again once the mail server refuses the address leaves a failed "already signed" email (Outbox:MaxAttempts is 1 here).
        fixture.Smtp.RefuseMailTo(supporter.Email);
        using (var again = await fixture.NewSupporter().SignAsync(supporter))
        {
            Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        }

        await WaitForAsync(() => OutboxOfAsync(signature.Id, OutboxState.Failed), 1);
        // An audit line written now, by this test: the shared clock may already stand months past other tests' lines.
        var (admin, _) = await fixture.SignedInAdminAsync();
        await admin.CreateOpenPetitionAsync();
        var auditLine = await fixture.Site.QueryAsync(db => db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Id).FirstAsync());
        Assert.Equal(1, await LinksOfAsync(signature.Id));

        fixture.Clock.Advance(TimeSpan.FromDays(7) - Hour);
        await Jobs.RunAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await LinksOfAsync(signature.Id));
        fixture.Clock.Advance(2 * Hour);
        await Jobs.RunAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await LinksOfAsync(signature.Id));
        Assert.Equal(1, await OutboxOfAsync(signature.Id, OutboxState.Sent));

        fixture.Clock.Advance(TimeSpan.FromDays(30 - 7));
        await Jobs.RunAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await OutboxOfAsync(signature.Id, OutboxState.Sent));
        Assert.Equal(1, await OutboxOfAsync(signature.Id, OutboxState.Failed));

        fixture.Clock.Advance(TimeSpan.FromDays(90 - 30));
        await Jobs.RunAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await OutboxOfAsync(signature.Id, OutboxState.Failed));
        Assert.True(await fixture.Site.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Id == auditLine)));

        fixture.Clock.Advance(TimeSpan.FromDays(365 - 90));
        await Jobs.RunAsync(TestContext.Current.CancellationToken);
        Assert.False(await fixture.Site.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Id <= auditLine)));

        // Through all of it the signature itself, and the link to withdraw it, stay.
        Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        Assert.True(await fixture.Site.QueryAsync(db => db.WithdrawalTokens.AnyAsync(t => t.SignatureId == signature.Id)));
        Assert.True((await Jobs.RunAsync(TestContext.Current.CancellationToken)).IsEmpty);
    }

    [Fact]
    public async Task A_site_restarted_on_the_same_database_carries_on_where_the_last_one_stopped()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = await admin.CreateOpenPetitionAsync();
        await ConfirmAsync(Supporter.New(), slug);
        await admin.PressAsync(slug, "close");

        // Another site on the same file, its clock 91 days on, as if this one had been replaced while it was closed.
        var later = new FakeTimeProvider(fixture.Clock.GetUtcNow() + TimeSpan.FromDays(91));
        await using (var restarted = new SiteOnClock(fixture.Smtp, later, fixture.Site.DatabasePath))
        {
            await restarted.Services.GetRequiredService<RetentionJobs>().RunAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, await SignaturesOnAsync(slug));
        Assert.Equal(later.GetUtcNow().UtcDateTime, await ErasedAtAsync(slug));
        fixture.Clock.Advance(TimeSpan.FromDays(92));
        await Jobs.RunAsync(TestContext.Current.CancellationToken);
        Assert.Equal(later.GetUtcNow().UtcDateTime, await ErasedAtAsync(slug));
        Assert.Single(await fixture.Site.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.PersonalDataErased && e.PetitionSlug == slug).ToListAsync()));
        Assert.Equal(1, await fixture.PublicCountAsync(slug));
    }

    // An hour before the 90 days are up the jobs leave the signers alone; an hour after, they are gone and the petition
    // says when they went.
    private async Task AssertErasedOnlyAfter90DaysAsync(string slug, int signatures)
    {
        fixture.Clock.Advance(TimeSpan.FromDays(90) - Hour);
        await Jobs.RunAsync(TestContext.Current.CancellationToken);
        Assert.Equal(signatures, await SignaturesOnAsync(slug));
        Assert.Null(await ErasedAtAsync(slug));

        fixture.Clock.Advance(2 * Hour);
        await Jobs.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, await SignaturesOnAsync(slug));
        Assert.Equal(fixture.Clock.GetUtcNow().UtcDateTime, await ErasedAtAsync(slug));
    }

    private async Task ConfirmAsync(Supporter supporter, string slug = PetitionSiteFactory.PetitionSlug)
    {
        var client = fixture.NewSupporter();
        var link = slug == PetitionSiteFactory.PetitionSlug
            ? await fixture.SignAndGetLinkAsync(supporter, client)
            : await fixture.SignAndGetLinkAsync(supporter, slug, client);
        using var confirmed = await client.ConfirmAsync(link);
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
    }

    private Task<int> InvitationsToAsync(string email) =>
        fixture.Site.QueryAsync(db => db.Invitations.CountAsync(i => i.Email == email));

    // An accepted invitation is a record of how an organiser joined, not a pending one: it stays.
    private Task<List<long>> AcceptedInvitationsAsync() =>
        fixture.Site.QueryAsync(db => db.Invitations.Where(i => i.AcceptedAt != null).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync());

    private static (string?, string?) AddressOf(Signature signature) => (signature.ClientAddress, signature.ClientNetwork);

    private Task<int> SignaturesOnAsync(string slug) =>
        fixture.Site.QueryAsync(db => db.Signatures.CountAsync(s => s.Petition!.Slug == slug));

    private Task<DateTime?> ErasedAtAsync(string slug) =>
        fixture.Site.QueryAsync(db => db.Petitions.Where(p => p.Slug == slug).Select(p => p.PersonalDataErasedAt).SingleAsync());

    private Task<int> LinksOfAsync(long signatureId) =>
        fixture.Site.QueryAsync(db => db.ConfirmationTokens.CountAsync(t => t.SignatureId == signatureId));

    private Task<int> OutboxOfAsync(long signatureId, OutboxState state) =>
        fixture.Site.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.SignatureId == signatureId && m.State == state));

    private Task<(int, int, int)> LeftOverOfAsync(long signatureId) =>
        fixture.Site.QueryAsync(async db => (
            await db.ConfirmationTokens.CountAsync(t => t.SignatureId == signatureId),
            await db.WithdrawalTokens.CountAsync(t => t.SignatureId == signatureId),
            await db.OutboxMessages.CountAsync(m => m.SignatureId == signatureId)));

    private Task<List<string>> CountersAsync(string slug) =>
        fixture.Site.QueryAsync(db => db.SignatureCounters
            .Where(c => c.PetitionId == db.Petitions.Single(p => p.Slug == slug).Id && c.Count != 0)
            .OrderBy(c => c.Kind).ThenBy(c => c.Key)
            .Select(c => c.Kind + " " + c.Key + " " + c.Count)
            .ToListAsync());

    private static async Task WaitForAsync(Func<Task<int>> count, int expected)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(20); waited += TimeSpan.FromMilliseconds(100))
        {
            if (await count() == expected)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Expected {expected}, found {await count()}.");
    }

    // A refused email fails at once rather than retrying on a clock that only the tests move.
    public sealed class RetentionSiteFixture : ClockedSiteFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Outbox:MaxAttempts"] = "1",
            // A fake clock moved on by months fires a timer once per interval it passes: schedules tick daily here, the tests run the jobs themselves.
            ["Petitions:ScheduleInterval"] = "1.00:00:00",
            ["Privacy:RetentionInterval"] = "1.00:00:00",
        };
    }

    private sealed class SiteOnClock(TestSmtpServer smtp, TimeProvider clock, string databasePath)
        : PetitionSiteFactory(smtp, new Dictionary<string, string?> { ["ConnectionStrings:Petitions"] = $"Data Source={databasePath}" })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton(clock));
        }
    }
}
