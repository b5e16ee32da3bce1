using System.Text.RegularExpressions;
using PetitionSite.Accounts;
using PetitionSite.Data;
using PetitionSite.Testing;

namespace PetitionSite.BrowserTests;

// The site on a real loopback port with its own database and SMTP server, as a browser reaches it.
// A class fixture for tests that may share one database; StartAsync for a test that needs its own.
public sealed partial class RunningSite : IAsyncLifetime
{
    private readonly TestSmtpServer smtp = new();
    private PetitionSiteFactory? factory;

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    // Settings of this site beside the test defaults, read when it starts.
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

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
        factory = new PetitionSiteFactory(smtp, Settings);
        Address = factory.StartOnRealPort();
    }

    public string Url(string path) => new Uri(Address, path).ToString();

    // Reads or changes this site's database directly, for what no page of the site does (such as a petition closed long ago).
    public Task<T> QueryAsync<T>(Func<PetitionsDbContext, Task<T>> query) => factory!.QueryAsync(query);

    // The link in the confirmation email, pointed at this server: the email itself links to the public address.
    public async Task<string> ConfirmationLinkSentToAsync(string email)
    {
        var message = await smtp.WaitForMessageToAsync(email);
        return Url(new Uri(PetitionSiteFactory.ConfirmationLinkIn(message)).PathAndQuery);
    }

    // The link to withdraw the signature, from the first email about it, pointed at this server.
    public async Task<string> WithdrawalLinkSentToAsync(string email)
    {
        var message = await smtp.WaitForMessageToAsync(email);
        return Url(new Uri(PetitionSiteFactory.WithdrawalLinkIn(message)).PathAndQuery);
    }

    // Runs `create-admin --email <address>` on this site's database, as an operator would, and returns the password it prints.
    public async Task<string> CreateAdminAsync(string email)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Petitions"] = $"Data Source={factory!.DatabasePath}",
            ["DataProtection:KeysDirectory"] = Path.Combine(factory.DataDirectory, "keys"),
        };
        var output = new StringWriter();
        var errors = new StringWriter();
        var exitCode = await CreateAdminCommand.RunAsync(["--email", email], output, errors, settings, TestContext.Current.CancellationToken);
        var line = output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).SingleOrDefault(l => l.StartsWith("Password: ", StringComparison.Ordinal));
        return exitCode == 0 && line is not null ? line["Password: ".Length..] : throw new InvalidOperationException($"create-admin exited with {exitCode}:\n{output}{errors}");
    }

    // The link in the invitation email, pointed at this server.
    public async Task<string> InvitationLinkSentToAsync(string email)
    {
        var message = await smtp.WaitForMessageToAsync(email);
        var match = InvitationLink().Match(message.TextBody ?? "");
        return match.Success ? Url(new Uri(match.Value).PathAndQuery) : throw new InvalidOperationException("The email has no invitation link:\n" + message.TextBody);
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        await smtp.DisposeAsync();
    }

    [GeneratedRegex(@"https?://[^\s/]+/account/invitation/[A-Za-z0-9_-]+")]
    private static partial Regex InvitationLink();
}
