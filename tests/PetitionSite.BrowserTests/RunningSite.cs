using PetitionSite.Testing;

namespace PetitionSite.BrowserTests;

// The site on a real loopback port with its own database and SMTP server, as a browser reaches it.
// A class fixture for tests that may share one database; StartAsync for a test that needs its own.
public sealed class RunningSite : IAsyncLifetime
{
    private readonly TestSmtpServer smtp = new();
    private PetitionSiteFactory? factory;

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public string PetitionUrl => Url("/petitions/" + PetitionSiteFactory.PetitionSlug);

    public static async Task<RunningSite> StartAsync()
    {
        var site = new RunningSite();
        await site.InitializeAsync();
        return site;
    }

    public async ValueTask InitializeAsync()
    {
        await smtp.StartAsync();
        factory = new PetitionSiteFactory(smtp);
        Address = factory.StartOnRealPort();
    }

    public string Url(string path) => new Uri(Address, path).ToString();

    // The link in the confirmation email, pointed at this server: the email itself links to the public address.
    public async Task<string> ConfirmationLinkSentToAsync(string email)
    {
        var message = await smtp.WaitForMessageToAsync(email);
        return Url(new Uri(PetitionSiteFactory.ConfirmationLinkIn(message)).PathAndQuery);
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        await smtp.DisposeAsync();
    }
}
