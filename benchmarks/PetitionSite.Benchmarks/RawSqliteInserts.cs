using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Data;

namespace PetitionSite.Benchmarks;

// `raw-sqlite --dir DIR --rows N --batch B [--figures FILE --name N]`: the floor under signing. The site's own migrations
// make the schema and the site's pragmas apply; each row is a signature plus its outbox row, as the site writes them.
public static class RawSqliteInserts
{
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

    public static async Task<int> RunAsync(CommandLine options)
    {
        var rows = options.Number("rows", 100_000);
        var batch = options.Number("batch", 256);
        var directory = Directory.CreateDirectory(options.Get("dir")).FullName;
        var path = Path.Combine(directory, $"raw-{batch}.db");
        File.Delete(path);
        var connectionString = $"Data Source={path}";
        var petitionId = await CreateSchemaAsync(connectionString);

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = Pragmas;
            await pragmas.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        for (var start = 0; start < rows; start += batch)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var signature = SignatureInsert(connection, transaction);
            await using var outbox = OutboxInsert(connection, transaction);
            var now = DateTime.UtcNow;
            for (var i = start; i < Math.Min(rows, start + batch); i++)
            {
                var email = $"raw-{i}@example.org";
                signature.Parameters["$petition"].Value = petitionId;
                signature.Parameters["$email"].Value = email;
                signature.Parameters["$now"].Value = now;
                var id = (long)(await signature.ExecuteScalarAsync())!;
                outbox.Parameters["$signature"].Value = id;
                outbox.Parameters["$now"].Value = now;
                await outbox.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        clock.Stop();
        var figures = new Figures(options.Find("figures"), options.Find("name") ?? $"raw_batch{batch}");
        figures.Add("rows", rows);
        figures.Add("seconds", clock.Elapsed.TotalSeconds, "0.00");
        figures.Add("per_second", rows / clock.Elapsed.TotalSeconds, "0");
        await figures.SaveAsync();
        return 0;
    }

    private static async Task<int> CreateSchemaAsync(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PetitionsDbContext>().UseSqlite(connectionString).Options;
        await using var db = new PetitionsDbContext(options);
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO Petitions (Slug, Title, Summary, BodyMarkdown, Goal, State, SignatureCount, CreatedAt) VALUES ('raw', 'Raw', 'Raw', 'Raw', 10, 'Open', 0, '2026-01-01 00:00:00')");
        return await db.Petitions.Select(p => p.Id).SingleAsync();
    }

    private static SqliteCommand SignatureInsert(SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO Signatures (PetitionId, FirstName, LastName, Email, NormalizedEmail, CountryCode, Postcode, ShowNamePublicly, KeepInformed, KeepInformedConsentedAt, State, CreatedAt, ConfirmedAt, ClientAddress, ClientNetwork) " +
            "VALUES ($petition, 'Bench', 'Signer', $email, $email, 'GB', NULL, 0, 0, NULL, 'Pending', $now, NULL, '127.0.0.1', '127.0.0.0/24') RETURNING Id";
        command.Parameters.Add("$petition", SqliteType.Integer);
        command.Parameters.Add("$email", SqliteType.Text);
        command.Parameters.Add("$now", SqliteType.Text);
        command.Prepare();
        return command;
    }

    private static SqliteCommand OutboxInsert(SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO OutboxMessages (Kind, SignatureId, State, Attempts, CreatedAt, NextAttemptAt, SentAt, LastError) " +
            "VALUES ('ConfirmationRequest', $signature, 'Pending', 0, $now, $now, NULL, NULL)";
        command.Parameters.Add("$signature", SqliteType.Integer);
        command.Parameters.Add("$now", SqliteType.Text);
        command.Prepare();
        return command;
    }
}
