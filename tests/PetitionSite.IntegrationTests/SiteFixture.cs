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

    public SupporterClient NewSupporter() => Site.CreateSupporter();

    // Signs as a supporter would and returns the confirmation link from the email that follows.
    public async Task<string> SignAndGetLinkAsync(Supporter supporter, SupporterClient? client = null)
    {
        var seen = Smtp.MessagesTo(supporter.Email).Count;
        using var response = await (client ?? NewSupporter()).SignAsync(supporter);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var emails = await Smtp.WaitForMessagesToAsync(supporter.Email, seen + 1);
        return PetitionSiteFactory.ConfirmationLinkIn(emails[seen]);
    }

    public Task<List<Signature>> SignaturesFromAsync(string email) =>
        Site.QueryAsync(db => db.Signatures.Where(s => s.NormalizedEmail == EmailAddressRules.Normalize(email)).ToListAsync());

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
