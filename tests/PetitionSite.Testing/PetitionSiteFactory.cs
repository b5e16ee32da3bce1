using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PetitionSite.Accounts;
using PetitionSite.Data;
using PetitionSite.Signing;

namespace PetitionSite.Testing;

// The whole site, as production runs it, on a throwaway SQLite file and pointed at a real SMTP server in the test process.
public partial class PetitionSiteFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    // Each site watches its settings files and static files. Dozens of sites alive at once in one test process, or two
    // test runs side by side, would pass Linux's default of 128 inotify instances per user, so test sites poll instead.
    static PetitionSiteFactory() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    public PetitionSiteFactory(TestSmtpServer smtp, IDictionary<string, string?>? overrides = null)
    {
        Smtp = smtp;
        DataDirectory = Directory.CreateTempSubdirectory("petitionsite-tests-").FullName;
        DatabasePath = Path.Combine(DataDirectory, "petitions.db");
        settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Petitions"] = $"Data Source={DatabasePath}",
            ["DataProtection:KeysDirectory"] = Path.Combine(DataDirectory, "keys"),
            ["Site:PublicUrl"] = "http://petitions.test",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:UseTls"] = "false",
            ["Smtp:From"] = "PetitionSite <no-reply@petitions.test>",
            ["Smtp:PickupDirectory"] = Path.Combine(DataDirectory, "mail"),
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:RetryDelay"] = "00:00:00.200",
            ["Outbox:MaxRetryDelay"] = "00:00:01",
            ["Outbox:ResendCooldown"] = "00:00:00",
            ["RateLimiting:Enabled"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        ClientOptions.BaseAddress = SecureAddress;
    }

    public TestSmtpServer Smtp { get; }

    // What the site logged, at the level its settings allow.
    public CapturedLog Logs { get; } = new();

    public string DataDirectory { get; }

    public string DatabasePath { get; }

    public const string PetitionSlug = "free-walid-daqqah";

    // Starts the site on a real loopback port (for a browser) and returns its base address.
    // The port goes into Kestrel's own options, read when the server binds. UseKestrel(0) would instead set the
    // address after the host is built, racing Program.cs, which starts the server itself as soon as the database
    // is ready: when Program.cs wins, the server binds localhost:5000 and StartServer throws.
    public Uri StartOnRealPort()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    // The address test clients use: the form cookie is Secure, and a cookie jar, like a browser, sends it back only over https.
    public static readonly Uri SecureAddress = new("https://localhost");

    // A browser of its own: its own form cookie, and redirects left for the test to see.
    public SupporterClient CreateSupporter() => new(CreateClient(new() { AllowAutoRedirect = false, BaseAddress = SecureAddress }));

    // A browser for the back office. Its cookies are Secure outside Development, so it speaks https to the test server.
    public StaffClient CreateStaffClient() => new(CreateClient(new() { AllowAutoRedirect = false, BaseAddress = SecureAddress }));

    // A browser whose requests reach the site from this address, as the connection's remote end (TestServer has none of its own).
    // A proxy, when the test says so and adds X-Forwarded-For.
    public SupporterClient CreateSupporterAt(IPAddress address) => new(ClientAt(address));

    public StaffClient CreateStaffClientAt(IPAddress address) => new(ClientAt(address));

    private HttpClient ClientAt(IPAddress address) =>
        new(new CookieContainerHandler { InnerHandler = Server.CreateHandler(context => context.Connection.RemoteIpAddress = address) })
        {
            BaseAddress = SecureAddress,
        };

    // An admin or organiser account, as create-admin or an invitation would leave it, with a second factor unless told not to.
    public async Task<StaffMember> CreateStaffAsync(string email, string role = Roles.Admin, bool withTwoFactor = true)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(role))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var password = "Test-password-" + Guid.NewGuid().ToString("N")[..12];
        Succeeded(await users.CreateAsync(user, password));
        Succeeded(await users.AddToRoleAsync(user, role));
        string? key = null;
        if (withTwoFactor)
        {
            Succeeded(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Succeeded(await users.SetTwoFactorEnabledAsync(user, true));
        }

        return new StaffMember(email, password, role, key);
    }

    // A signed-in browser for a new account of this role.
    public async Task<(StaffClient Client, StaffMember Member)> SignedInStaffAsync(string email, string role = Roles.Admin, bool withTwoFactor = true)
    {
        var member = await CreateStaffAsync(email, role, withTwoFactor);
        var client = CreateStaffClient();
        using var response = await client.SignInAsync(member);
        if (response.StatusCode != HttpStatusCode.SeeOther || response.Headers.Location?.OriginalString.StartsWith("/account/login", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"Signing in as {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }

        return (client, member);
    }

    // The mailbox an address names, as the site stores it in Signature.NormalizedEmail (provider rules and settings applied).
    public string MailboxOf(string email) => Services.GetRequiredService<CanonicalMailbox>().Of(email);

    public async Task<T> QueryAsync<T>(Func<PetitionsDbContext, Task<T>> query)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<PetitionsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await query(db);
    }

    // The confirmation link in an email, as the supporter would click it.
    public static string ConfirmationLinkIn(MimeMessage message)
    {
        var match = ConfirmationLink().Match(message.TextBody ?? "");
        return match.Success ? match.Value : throw new InvalidOperationException("The email has no confirmation link:\n" + message.TextBody);
    }

    // The link to withdraw the signature, which every email about a signature carries.
    public static string WithdrawalLinkIn(MimeMessage message)
    {
        var match = WithdrawalLink().Match(message.TextBody ?? "");
        return match.Success ? match.Value : throw new InvalidOperationException("The email has no withdrawal link:\n" + message.TextBody);
    }

    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Outside Development the site expects published wwwroot (with its .gz files); from the build output it would send CSS as an empty body.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // Serilog reads sinks from the services, beside the console.
        builder.ConfigureServices(services => services.AddSingleton<Serilog.Core.ILogEventSink>(Logs));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    // The link carries the language of the signature (/fr/, /ar/) when it is not English.
    [GeneratedRegex(@"https?://[^\s/]+(?:/(?:en|fr|ar))?/signatures/confirm/[A-Za-z0-9_-]+")]
    private static partial Regex ConfirmationLink();

    [GeneratedRegex(@"https?://[^\s/]+(?:/(?:en|fr|ar))?/signatures/withdraw/[A-Za-z0-9_-]+")]
    private static partial Regex WithdrawalLink();
}
