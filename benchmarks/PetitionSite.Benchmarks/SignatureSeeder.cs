using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PetitionSite.Benchmarks;

// `seed --db FILE --slug S --rows N [--outbox true]`: fills a site database quickly for the export and outbox steps.
// Every tenth name is Arabic and every seventh has a comma, so the CSV step exercises quoting and UTF-8.
public static class SignatureSeeder
{
    private static readonly string[] SignatureParameters = ["$petition", "$first", "$last", "$email", "$now", "$state", "$confirmed"];

    public static async Task<int> RunAsync(CommandLine options)
    {
        var rows = options.Number("rows", 1_000_000);
        var withOutbox = options.Find("outbox") == "true";
        var prefix = options.Find("prefix") ?? "seed";
        await using var connection = new SqliteConnection($"Data Source={options.Get("db")}");
        await connection.OpenAsync();
        await using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";
            await pragmas.ExecuteNonQueryAsync();
        }

        await using var find = connection.CreateCommand();
        find.CommandText = "SELECT Id FROM Petitions WHERE Slug = $slug";
        find.Parameters.AddWithValue("$slug", options.Get("slug"));
        var petitionId = (long)(await find.ExecuteScalarAsync() ?? throw new InvalidOperationException("No such petition."));

        var clock = Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        for (var start = 0; start < rows; start += 10_000)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var signature = connection.CreateCommand();
            signature.Transaction = transaction;
            signature.CommandText =
                "INSERT INTO Signatures (PetitionId, FirstName, LastName, Email, NormalizedEmail, CountryCode, Postcode, ShowNamePublicly, KeepInformed, KeepInformedConsentedAt, State, CreatedAt, ConfirmedAt) " +
                "VALUES ($petition, $first, $last, $email, $email, 'GB', 'SW1A 1AA', 1, 1, $now, $state, $now, $confirmed) RETURNING Id";
            var parameters = SignatureParameters.Select(n => signature.Parameters.Add(n, SqliteType.Text)).ToArray();
            await using var outbox = connection.CreateCommand();
            outbox.Transaction = transaction;
            outbox.CommandText = "INSERT INTO OutboxMessages (Kind, SignatureId, State, Attempts, CreatedAt, NextAttemptAt) VALUES ('ConfirmationRequest', $signature, 'Pending', 0, $now, $now)";
            var outboxSignature = outbox.Parameters.Add("$signature", SqliteType.Integer);
            outbox.Parameters.AddWithValue("$now", now);
            for (var i = start; i < Math.Min(rows, start + 10_000); i++)
            {
                var confirmed = !withOutbox && i % 2 == 0;
                parameters[0].Value = petitionId;
                parameters[1].Value = i % 10 == 0 ? "وليد" : "Signer";
                parameters[2].Value = i % 7 == 0 ? "Smith, Jr." : "Number " + i.ToString(CultureInfo.InvariantCulture);
                parameters[3].Value = $"{prefix}-{i}@example.org";
                parameters[4].Value = now;
                parameters[5].Value = confirmed ? "Validated" : "Pending";
                parameters[6].Value = confirmed ? now : DBNull.Value;
                var id = (long)(await signature.ExecuteScalarAsync())!;
                if (withOutbox)
                {
                    outboxSignature.Value = id;
                    await outbox.ExecuteNonQueryAsync();
                }
            }

            await transaction.CommitAsync();
        }

        Console.WriteLine($"seeded {rows} signatures in {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
