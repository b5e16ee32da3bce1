using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PetitionSite.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string ConnectionStringName = "Petitions";

    public static IServiceCollection AddPetitionsDatabase(this IServiceCollection services)
    {
        // Read when the first context is made, so that hosts and tests that add configuration late are honoured.
        services.AddPooledDbContextFactory<PetitionsDbContext>((provider, options) => options
            .UseSqlite(ResolveConnectionString(
                provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName) ?? "Data Source=data/petitions.db",
                provider.GetRequiredService<IHostEnvironment>().ContentRootPath))
            .AddInterceptors(new SqlitePragmas()));
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<PetitionsDbContext>>().CreateDbContext());
        services.AddSingleton(TimeProvider.System);
        services.AddHealthChecks().AddDbContextCheck<PetitionsDbContext>("database");
        return services;
    }

    // A relative file is placed under the content root, and its folder is created, so the site starts on a fresh clone.
    private static string ResolveConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is not ("" or ":memory:") && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        return builder.ToString();
    }
}
