using System.Data;
using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Data;

namespace PetitionSite.Admin;

// Streams a petition's signatures as CSV straight from a forward-only reader, so a million rows never sit in memory at once.
public sealed class SignatureCsvExporter(IDbContextFactory<PetitionsDbContext> factory)
{
    private const string Query =
        "SELECT FirstName, LastName, Email, CountryCode, Postcode, State, CreatedAt, ConfirmedAt, KeepInformed " +
        "FROM Signatures WHERE PetitionId = $petitionId ORDER BY Id";

    private static readonly string[] Header =
        ["first_name", "last_name", "email", "country", "postcode", "state", "signed_at", "confirmed_at", "keep_informed"];

    private static readonly CsvWriterOptions Csv = new()
    {
        // A name such as "=HYPERLINK(...)" must stay text when an admin opens the file in a spreadsheet.
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
        NewLine = "\r\n",
        BufferSize = 64 * 1024,
    };

    // Returns the number of signatures written, or null when no petition has this slug.
    public async Task<long?> ExportAsync(string slug, Stream output, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var petitionId = await db.Petitions.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (petitionId is null)
        {
            return null;
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Query;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$petitionId";
        parameter.Value = petitionId.Value;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);

        await using var csv = CsvWriter.Create(output, Csv, leaveOpen: true);
        await csv.WriteRecordAsync(Header, cancellationToken);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            csv.WriteField(reader.GetString(0));
            csv.WriteField(reader.GetString(1));
            csv.WriteField(reader.GetString(2));
            csv.WriteField(reader.GetString(3));
            csv.WriteField(reader.IsDBNull(4) ? "" : reader.GetString(4));
            csv.WriteField(reader.GetString(5).ToLowerInvariant());
            csv.WriteField(Timestamp(reader.GetString(6)));
            csv.WriteField(reader.IsDBNull(7) ? "" : Timestamp(reader.GetString(7)));
            csv.WriteField(reader.GetInt64(8) != 0 ? "yes" : "no");
            await csv.EndRecordAsync(cancellationToken);
            rows++;
        }

        await csv.FlushAsync(cancellationToken);
        return rows;
    }

    // EF stores UTC times as "yyyy-MM-dd HH:mm:ss.FFFFFFF"; rewriting the text is several times cheaper than parsing it.
    private static string Timestamp(string stored) =>
        stored.Length >= 19 && stored[10] == ' '
            ? string.Concat(stored.AsSpan(0, 10), "T", stored.AsSpan(11, 8), "Z")
            : DateTime.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
                .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
