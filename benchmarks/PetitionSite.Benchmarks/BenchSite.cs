using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PetitionSite.Signing;

namespace PetitionSite.Benchmarks;

// The real site on a real Kestrel port; with discardWrites the single writer is swapped for one that drops signatures.
public sealed class BenchSite(IReadOnlyDictionary<string, string?> settings, bool discardWrites) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (discardWrites)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<ISignatureWriter, DiscardingSignatureWriter>());
        }
    }
}
