using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests;

// A site whose clock the tests move on, instead of waiting for a closing date or a grace period to pass.
public class ClockedSiteFixture : SiteFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override PetitionSiteFactory CreateSite(TestSmtpServer smtp) => new ClockedSiteFactory(smtp, Clock, Settings);

    private sealed class ClockedSiteFactory(TestSmtpServer smtp, TimeProvider clock, IDictionary<string, string?> settings) : PetitionSiteFactory(smtp, settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton(clock));
        }
    }
}
