using System.Data;
using System.Data.Common;
using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Data;

namespace PetitionSite.Admin.Export;

// Streams a petition's signatures as CSV straight from a forward-only reader, so a million rows never sit in memory at once.
public sealed class SignatureCsvExporter(IDbContextFactory<PetitionsDbContext> factory)
{
    private const string Columns =
        "SELECT FirstName, LastName, Email, CountryCode, Postcode, State, CreatedAt, ConfirmedAt, KeepInformed, Revision, Source " +
        "FROM Signatures WHERE PetitionId = $petitionId";

    private static readonly string[] Header =
        ["first_name", "last_name", "email", "country", "postcode", "state", "signed_at", "confirmed_at", "keep_informed", "revision", "source"];

    // Excel reads a CSV file as UTF-8 only when it starts with a byte order mark; without one, accents and Arabic names come out garbled.
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private static readonly CsvWriterOptions Csv = new()
    {
        // A name such as "=HYPERLINK(...)" must stay text when an admin opens the file in a spreadsheet.
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
        NewLine = "\r\n",
        BufferSize = 64 * 1024,
    };

    // Every signature of the petition, in every state: the shell's export.
    public Task<long?> ExportAsync(string slug, Stream output, CancellationToken cancellationToken) =>
        ExportAsync(slug, SignatureExportFilter.Everything, output, new ExportProgress(), cancellationToken);

    // Returns the number of signatures written, or null when no petition has this slug. Progress counts rows as they go.
    public async Task<long?> ExportAsync(string slug, SignatureExportFilter filter, Stream output, ExportProgress progress, CancellationToken cancellationToken)
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
        command.CommandText = Columns
            + (filter.ConfirmedOnly ? " AND State = 'Validated'" : "")
            + (filter.SignedFrom is null ? "" : " AND CreatedAt >= $from")
            + (filter.SignedBefore is null ? "" : " AND CreatedAt < $before")
            + " ORDER BY Id";
        Add(command, "$petitionId", petitionId.Value);
        Add(command, "$from", filter.SignedFrom);
        Add(command, "$before", filter.SignedBefore);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);

        await output.WriteAsync(Utf8Bom, cancellationToken);
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
            csv.WriteField(reader.GetInt32(9), default);
            csv.WriteField(reader.IsDBNull(10) ? "" : reader.GetString(10));
            await csv.EndRecordAsync(cancellationToken);
            progress.Rows = ++rows;
        }

        await csv.FlushAsync(cancellationToken);
        return rows;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        if (value is null)
        {
            return;
        }

        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    // EF stores UTC times as "yyyy-MM-dd HH:mm:ss.FFFFFFF"; rewriting the text is several times cheaper than parsing it.
    private static string Timestamp(string stored) =>
        stored.Length >= 19 && stored[10] == ' '
            ? string.Concat(stored.AsSpan(0, 10), "T", stored.AsSpan(11, 8), "Z")
            : DateTime.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
                .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
