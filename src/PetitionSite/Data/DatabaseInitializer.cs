using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;

namespace PetitionSite.Data;

public static class DatabaseInitializer
{
    // Applies migrations, switches the file to WAL and seeds the petitions that ship with the site.
    public static Task InitializeDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default) =>
        app.Services.InitializeDatabaseAsync(cancellationToken);

    // The same for a command run from a shell (create-admin), which may be the first thing to touch a fresh clone's database.
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<PetitionsDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Migrating takes a write lock even when there is nothing to apply; asking first lets a read-only database
        // (a full or read-only disk) start and answer 503 to writes instead of crashing on every restart.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);

        // Petition texts ship beside the binary, wherever the site is started from.
        using var shipped = new PhysicalFileProvider(AppContext.BaseDirectory);
        var seeder = new PetitionSeeder(shipped, services.GetRequiredService<TimeProvider>());
        await seeder.SeedAsync(db, cancellationToken);
    }
}
