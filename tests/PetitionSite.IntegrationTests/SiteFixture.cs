using System.Net;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Signing;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests;

// One site, database and mail server per test class: the tests of a class run one after another, classes side by side.
public class SiteFixture : IAsyncLifetime
{
    public TestSmtpServer Smtp { get; private set; } = null!;

    public PetitionSiteFactory Site { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        Smtp = await TestSmtpServer.StartNewAsync();
        Site = CreateSite(Smtp);
        Site.StartServer();
    }

    public virtual SupporterClient NewSupporter() => Site.CreateSupporter();

    // Signs as a supporter would and returns the confirmation link from the email that follows.
    public async Task<string> SignAndGetLinkAsync(Supporter supporter, SupporterClient? client = null)
    {
        var seen = Smtp.MessagesTo(supporter.Email).Count;
        using var response = await (client ?? NewSupporter()).SignAsync(supporter);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var emails = await Smtp.WaitForMessagesToAsync(supporter.Email, seen + 1);
        return PetitionSiteFactory.ConfirmationLinkIn(emails[seen]);
    }

    public Task<List<Signature>> SignaturesFromAsync(string email)
    {
        var mailbox = Site.MailboxOf(email);
        return Site.QueryAsync(db => db.Signatures.Where(s => s.NormalizedEmail == mailbox).ToListAsync());
    }

    // The count a first visitor sees, once the cached copies have caught up with the stored count (CountRefresh keeps
    // that within two seconds); a count that never catches up is returned as it is shown, for the test to fail on.
    public async Task<int> PublicCountAsync(string slug = PetitionSiteFactory.PetitionSlug)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(2);
        while (true)
        {
            var stored = await Site.QueryAsync(db => db.Petitions.Where(p => p.Slug == slug).Select(p => p.SignatureCount).SingleAsync());
            var shown = (await NewSupporter().CountAsync(slug)).Signatures;
            if (shown == stored || DateTime.UtcNow > deadline)
            {
                return shown;
            }

            await Task.Delay(50);
        }
    }

    public Task<int> StoredSignaturesAsync() => Site.QueryAsync(db => db.Signatures.CountAsync());

    // Emails leave in the order their signatures were committed: once a later supporter's email has arrived, every earlier one has too.
    public Task WaitForEarlierEmailsAsync() => SignAndGetLinkAsync(Supporter.New("Later"));

    public async Task AssertNoEmailToAsync(string address)
    {
        await WaitForEarlierEmailsAsync();
        Assert.Empty(Smtp.MessagesTo(address));
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual PetitionSiteFactory CreateSite(TestSmtpServer smtp) => new(smtp);
}
