using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Admin;

// A site on a clock the tests read (so they can place signatures in its last hour and day) that takes each request's
// client address from a test header: TestServer has no network, and leaves the address empty.
public sealed class FraudReviewSite : SiteFixture
{
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    // A supporter's browser that connects from this address.
    public SupporterClient SupporterFrom(string address)
    {
        var client = NewSupporter();
        client.Http.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        return client;
    }

    protected override PetitionSiteFactory CreateSite(TestSmtpServer smtp) => new Factory(smtp, Clock);

    private sealed class Factory(TestSmtpServer smtp, TimeProvider clock) : PetitionSiteFactory(smtp)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton(clock);
                services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
            });
        }
    }

    // Runs before the site's own middleware, where a real connection would already have its address.
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextStep) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextStep(context);
            });
            next(app);
        };
    }
}
