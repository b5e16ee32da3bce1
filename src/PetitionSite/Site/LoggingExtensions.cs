using System.Globalization;
using Serilog;

namespace PetitionSite.Site;

public static class LoggingExtensions
{
    // Serilog, configured from the "Serilog" section: structured console output by default, a file sink when configured.
    // Tokens in links are masked in every event, whatever logged it. Each host keeps its own logger rather than Serilog's
    // static one, so hosts side by side (the tests' sites) never write into each other's, nor go silent when one stops.
    public static IServiceCollection AddSiteLogging(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSerilog(
            (provider, logger) => logger
                .ReadFrom.Configuration(configuration)
                .ReadFrom.Services(provider)
                .Enrich.FromLogContext()
                .Enrich.With<TokenMaskingEnricher>()
                .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture),
            preserveStaticLogger: true);
}
