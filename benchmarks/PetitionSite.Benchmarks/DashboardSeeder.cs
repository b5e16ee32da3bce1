using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PetitionSite.Accounts;
using PetitionSite.Data;

namespace PetitionSite.Benchmarks;

// `seed-dashboard --db FILE --slug S --rows N --email E --password P [--figures FILE --name N]`: one petition with N
// signatures confirmed over the last 30 days (8% awaiting, 2% invalidated) from 30 countries and 8 sources; its count
// and counters computed from those rows as PetitionCounts keeps them; and an admin without a second factor to sign in.
public static class DashboardSeeder
{
    private static readonly string[] CountryCodes =
        ["GB", "FR", "DE", "US", "PS", "JO", "LB", "EG", "IE", "ES", "IT", "NL", "BE", "SE", "NO", "DK", "CA", "AU", "TR", "MA",
         "TN", "DZ", "QA", "AE", "SA", "KW", "BR", "ZA", "IN", "JP"];

    private static readonly string?[] Sources = [null, null, null, "newsletter", "email", "whatsapp", "facebook", "x", "copy", "partner-site"];

    public static async Task<int> RunAsync(CommandLine options)
    {
        var rows = options.Number("rows", 1_000_000);
        var database = options.Get("db");
        var clock = Stopwatch.StartNew();
        await using (var connection = new SqliteConnection($"Data Source={database}"))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, null, "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;");
            var petitionId = await PetitionIdAsync(connection, options.Get("slug"));
            var now = DateTime.UtcNow;
            var opened = now.AddDays(-30);
            await InsertSignaturesAsync(connection, petitionId, rows, opened, now);
            await FillCountsAsync(connection, petitionId, opened);
        }

        var seeded = clock.Elapsed;
        await CreateAdminAsync(database, options.Get("email"), options.Get("password"));
        var figures = new Figures(options.Find("figures"), options.Find("name") ?? "dashboard_seed");
        figures.Add("rows", rows);
        figures.Add("seconds", seeded.TotalSeconds, "0.0");
        await figures.SaveAsync();
        return 0;
    }

    private static async Task InsertSignaturesAsync(SqliteConnection connection, long petitionId, int rows, DateTime opened, DateTime now)
    {
        var span = (now - opened).Ticks;
        for (var start = 0; start < rows; start += 10_000)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText =
                "INSERT INTO Signatures (PetitionId, FirstName, LastName, Email, NormalizedEmail, CountryCode, ShowNamePublicly, KeepInformed, State, Revision, Source, CreatedAt, ConfirmedAt, InvalidatedAt) " +
                "VALUES ($petition, $first, $last, $email, $email, $country, $show, 0, $state, 1, $source, $created, $confirmed, $invalidated)";
            var p = new Dictionary<string, SqliteParameter>();
            foreach (var name in new[] { "$petition", "$first", "$last", "$email", "$country", "$show", "$state", "$source", "$created", "$confirmed", "$invalidated" })
            {
                p[name] = insert.Parameters.Add(name, SqliteType.Text);
            }

            await insert.PrepareAsync();
            for (var i = start; i < Math.Min(rows, start + 10_000); i++)
            {
                // Spread evenly over the 30 days, oldest first; a skewed pick of country so the top 20 and "all other" both fill.
                var at = opened.AddTicks(span / rows * i);
                var mix = (int)((uint)(i * 2654435761) % 1000);
                var kind = i % 100;
                var state = kind < 8 ? "Pending" : kind < 10 ? "Invalidated" : "Validated";
                p["$petition"].Value = petitionId;
                p["$first"].Value = i % 10 == 0 ? "وليد" : "Signer";
                p["$last"].Value = "Number " + i.ToString(CultureInfo.InvariantCulture);
                p["$email"].Value = $"dashboard-{i}@example.org";
                p["$country"].Value = CountryCodes[mix * mix % 997 * CountryCodes.Length / 997];
                p["$show"].Value = i % 3 == 0 ? 1 : 0;
                p["$state"].Value = state;
                p["$source"].Value = (object?)Sources[i % Sources.Length] ?? DBNull.Value;
                p["$created"].Value = at.AddMinutes(-3);
                p["$confirmed"].Value = state == "Pending" ? DBNull.Value : at;
                p["$invalidated"].Value = state == "Invalidated" ? at.AddHours(1) : DBNull.Value;
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
    }

    // The count column and the counters, computed once from the rows: the same figures PetitionCounts keeps one by one.
    private static async Task FillCountsAsync(SqliteConnection connection, long petitionId, DateTime opened)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        const string Confirmed = "FROM Signatures WHERE PetitionId = $petition AND State = 'Validated'";
        await ExecuteAsync(connection, transaction,
            "DELETE FROM SignatureCounters WHERE PetitionId = $petition;" +
            $"INSERT INTO SignatureCounters (PetitionId, Kind, Key, Count) SELECT $petition, 'Hour', strftime('%Y-%m-%dT%H', ConfirmedAt), COUNT(*) {Confirmed} GROUP BY 3;" +
            $"INSERT INTO SignatureCounters (PetitionId, Kind, Key, Count) SELECT $petition, 'Country', CountryCode, COUNT(*) {Confirmed} GROUP BY 3;" +
            $"INSERT INTO SignatureCounters (PetitionId, Kind, Key, Count) SELECT $petition, 'Source', COALESCE(Source, ''), COUNT(*) {Confirmed} GROUP BY 3;" +
            $"UPDATE Petitions SET SignatureCount = (SELECT COUNT(*) {Confirmed}), OpenedAt = $opened WHERE Id = $petition;",
            ("$petition", petitionId), ("$opened", opened));
        await transaction.CommitAsync();
    }

    // Through Identity's own UserManager, as create-admin or an invitation would leave the account.
    private static async Task CreateAdminAsync(string database, string email, string password)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<PetitionsDbContext>(db => db.UseSqlite($"Data Source={database}"));
        services.AddIdentityCore<IdentityUser>(identity => identity.Password.RequiredLength = 12)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PetitionsDbContext>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(Roles.Admin))
        {
            Succeeded(await roles.CreateAsync(new IdentityRole(Roles.Admin)));
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        Succeeded(await users.CreateAsync(user, password));
        Succeeded(await users.AddToRoleAsync(user, Roles.Admin));
    }

    private static async Task<long> PetitionIdAsync(SqliteConnection connection, string slug)
    {
        await using var find = connection.CreateCommand();
        find.CommandText = "SELECT Id FROM Petitions WHERE Slug = $slug";
        find.Parameters.AddWithValue("$slug", slug);
        return (long)(await find.ExecuteScalarAsync() ?? throw new InvalidOperationException("No such petition."));
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
