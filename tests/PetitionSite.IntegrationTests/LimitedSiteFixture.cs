using System.Net;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests;

// A site with every rate limit on, small enough to reach in a test, and windows of an hour so that nothing refills while
// the tests run. Each new supporter comes from an address of their own, as different people do; a test that needs people
// to share an address says so with Site.CreateSupporterAt.
public class LimitedSiteFixture : SiteFixture
{
    private int lastAddress;

    public const int SigningPerClient = 3;
    public const int SigningPerEmail = 2;
    public const int ConfirmingPerClient = 2;
    public const int SignInPerClient = 5;
    public const int SignInPerAccount = 3;

    // The wait a refused request is told: one refill, an hour divided by the permits.
    public static int SecondsToWaitFor(int permitLimit) => 3600 / permitLimit;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public override SupporterClient NewSupporter() => Site.CreateSupporterAt(NextAddress());

    // Addresses from 100.64.0.0/10, which no test names itself.
    public IPAddress NextAddress()
    {
        var n = Interlocked.Increment(ref lastAddress);
        return new IPAddress([100, (byte)(64 + (n >> 16)), (byte)(n >> 8), (byte)n]);
    }

    protected override PetitionSiteFactory CreateSite(TestSmtpServer smtp)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:SigningPerClient:PermitLimit"] = $"{SigningPerClient}",
            ["RateLimiting:SigningPerEmail:PermitLimit"] = $"{SigningPerEmail}",
            ["RateLimiting:ConfirmingPerClient:PermitLimit"] = $"{ConfirmingPerClient}",
            ["RateLimiting:SignInPerClient:PermitLimit"] = $"{SignInPerClient}",
            ["RateLimiting:SignInPerAccount:PermitLimit"] = $"{SignInPerAccount}",
        };
        foreach (var limit in new[] { "SigningPerClient", "SigningPerEmail", "ConfirmingPerClient", "SignInPerClient", "SignInPerAccount" })
        {
            settings[$"RateLimiting:{limit}:Window"] = "01:00:00";
        }

        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        return new PetitionSiteFactory(smtp, settings);
    }
}
