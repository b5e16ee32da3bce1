using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Data;

namespace PetitionSite.Petitions;

// The one place a petition's confirmed count moves: the count column and the dashboard's counters (by hour of
// confirmation, country and source) change together, inside the caller's transaction, so they never disagree.
public static class PetitionCounts
{
    // "INSERT … ON CONFLICT DO UPDATE" with quoted names reads the same on SQLite and PostgreSQL.
    private const string UpsertSql =
        "INSERT INTO \"SignatureCounters\" (\"PetitionId\", \"Kind\", \"Key\", \"Count\") VALUES ({0}, {1}, {2}, {3}) " +
        "ON CONFLICT (\"PetitionId\", \"Kind\", \"Key\") DO UPDATE SET \"Count\" = \"SignatureCounters\".\"Count\" + excluded.\"Count\"";

    public static string HourKey(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);

    public static DateTime HourOf(string key) =>
        DateTime.ParseExact(key, "yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    // Adds (delta = +1) or removes (delta = -1) confirmed signatures from one petition's count and counters.
    public static async Task MoveAsync(PetitionsDbContext db, int petitionId, IReadOnlyCollection<CountedSignature> signatures, int delta, CancellationToken cancellationToken)
    {
        if (signatures.Count == 0)
        {
            return;
        }

        var total = signatures.Count * delta;
        await db.Petitions
            .Where(p => p.Id == petitionId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.SignatureCount, p => p.SignatureCount + total), cancellationToken);

        var moves = signatures.GroupBy(s => (SignatureCounterKind.Hour, HourKey(s.ConfirmedAt)))
            .Concat(signatures.GroupBy(s => (SignatureCounterKind.Country, s.CountryCode)))
            .Concat(signatures.GroupBy(s => (SignatureCounterKind.Source, s.Source ?? "")));
        foreach (var move in moves)
        {
            var (kind, key) = move.Key;
            await db.Database.ExecuteSqlRawAsync(UpsertSql, [petitionId, kind.ToString(), key, move.Count() * delta], cancellationToken);
        }
    }
}

// What the counters need to know of a confirmed signature.
public sealed record CountedSignature(DateTime ConfirmedAt, string CountryCode, string? Source);
