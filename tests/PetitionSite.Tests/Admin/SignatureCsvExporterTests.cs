using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PetitionSite.Admin.Export;
using PetitionSite.Data;
using PetitionSite.Petitions;
using PetitionSite.Signing;

namespace PetitionSite.Tests.Admin;

public sealed class SignatureCsvExporterTests : IAsyncLifetime
{
    private static readonly DateTime SignedAt = new(2026, 11, 25, 20, 15, 30, DateTimeKind.Utc);

    private readonly string directory = Directory.CreateTempSubdirectory("petitionsite-csv-").FullName;
    private PooledDbContextFactory<PetitionsDbContext> factory = null!;

    public async ValueTask InitializeAsync()
    {
        var options = new DbContextOptionsBuilder<PetitionsDbContext>()
            .UseSqlite($"Data Source={Path.Combine(directory, "petitions.db")}")
            .Options;
        factory = new PooledDbContextFactory<PetitionsDbContext>(options);
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        db.Petitions.Add(new Petition { Slug = "free-walid-daqqah", Title = "Free Walid Daqqah!", Summary = "s", BodyMarkdown = "b", Goal = 10, State = PetitionState.Open, CreatedAt = SignedAt });
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Starts_with_a_header_row_and_writes_one_line_per_signature()
    {
        await AddAsync("Ada", "Lovelace", "ada@example.org", confirmed: true);
        await AddAsync("Alan", "Turing", "alan@example.org", confirmed: false);

        var (rows, csv) = await ExportAsync();

        Assert.Equal(2, rows);
        Assert.Equal(
            "first_name,last_name,email,country,postcode,state,signed_at,confirmed_at,keep_informed,revision,source\r\n" +
            "Ada,Lovelace,ada@example.org,GB,SW1A 1AA,validated,2026-11-25T20:15:30Z,2026-11-25T20:15:30Z,yes,1,\r\n" +
            "Alan,Turing,alan@example.org,GB,SW1A 1AA,pending,2026-11-25T20:15:30Z,,yes,1,\r\n",
            csv);
    }

    [Fact]
    public async Task Quotes_names_holding_commas_quotes_and_line_breaks()
    {
        await AddAsync("Smith, Jr.", "O\"Brien", "one@example.org");
        await AddAsync("Line\nbreak", "Plain", "two@example.org");

        var (_, csv) = await ExportAsync();

        Assert.Contains("\"Smith, Jr.\",\"O\"\"Brien\",one@example.org,", csv, StringComparison.Ordinal);
        Assert.Contains("\"Line\nbreak\",Plain,two@example.org,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keeps_Arabic_names_intact_in_UTF8_after_a_byte_order_mark()
    {
        await AddAsync("وليد", "دقة", "walid@example.org");

        var (_, csv) = await ExportAsync();

        Assert.Contains("وليد,دقة,walid@example.org,", csv, StringComparison.Ordinal);
        Assert.StartsWith("first_name,", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+1", "\"'+1+1\"")]
    [InlineData("-1+1", "\"'-1+1\"")]
    [InlineData("@SUM(1)", "\"'@SUM(1)\"")]
    public async Task Writes_names_a_spreadsheet_would_run_as_formulas_as_text(string firstName, string written)
    {
        await AddAsync(firstName, "Smith", "formula@example.org");

        var (_, csv) = await ExportAsync();

        Assert.Equal($"{written},Smith,formula@example.org,GB,SW1A 1AA,pending,2026-11-25T20:15:30Z,,yes,1,", csv.Split("\r\n")[1]);
    }

    [Fact]
    public async Task Answers_null_for_a_petition_that_does_not_exist()
    {
        using var output = new MemoryStream();

        var rows = await new SignatureCsvExporter(factory).ExportAsync("no-such-petition", output, TestContext.Current.CancellationToken);

        Assert.Null(rows);
    }

    [Fact]
    public async Task Confirmed_only_and_a_signing_window_narrow_the_export()
    {
        await AddAsync("Ada", "Lovelace", "ada@example.org", confirmed: true);
        await AddAsync("Alan", "Turing", "alan@example.org", confirmed: false);
        await AddAsync("Grace", "Hopper", "grace@example.org", confirmed: true, signedAt: SignedAt.AddDays(1), source: "newsletter");

        var (confirmed, _) = await ExportAsync(new SignatureExportFilter());
        var (window, csv) = await ExportAsync(new SignatureExportFilter(ConfirmedOnly: true, SignedFrom: SignedAt.AddHours(1), SignedBefore: SignedAt.AddDays(2)));
        var (none, _) = await ExportAsync(new SignatureExportFilter(ConfirmedOnly: false, SignedBefore: SignedAt));

        Assert.Equal(2, confirmed);
        Assert.Equal(1, window);
        Assert.Contains("Grace,Hopper,grace@example.org,GB,SW1A 1AA,validated,2026-11-26T20:15:30Z,2026-11-26T20:15:30Z,yes,1,newsletter\r\n", csv, StringComparison.Ordinal);
        Assert.Equal(0, none);
    }

    private async Task AddAsync(string firstName, string lastName, string email, bool confirmed = false, DateTime? signedAt = null, string? source = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var petition = await db.Petitions.SingleAsync();
        db.Signatures.Add(new Signature
        {
            PetitionId = petition.Id,
            FirstName = firstName,
            LastName = lastName,
            Email = email,
            NormalizedEmail = email,
            CountryCode = "GB",
            Postcode = "SW1A 1AA",
            KeepInformed = true,
            State = confirmed ? SignatureState.Validated : SignatureState.Pending,
            Source = source,
            CreatedAt = signedAt ?? SignedAt,
            ConfirmedAt = confirmed ? signedAt ?? SignedAt : null,
        });
        await db.SaveChangesAsync();
    }

    private async Task<(long? Rows, string Csv)> ExportAsync(SignatureExportFilter? filter = null)
    {
        using var output = new MemoryStream();
        var rows = await new SignatureCsvExporter(factory).ExportAsync("free-walid-daqqah", filter ?? SignatureExportFilter.Everything, output, new ExportProgress(), TestContext.Current.CancellationToken);
        var bytes = output.ToArray();
        // Excel needs the byte order mark to read the file as UTF-8; the shell's export writes it too, so both files open alike.
        Assert.True(bytes is [0xEF, 0xBB, 0xBF, ..], "The file does not start with a byte order mark.");
        return (rows, Encoding.UTF8.GetString(bytes.AsSpan(3)));
    }
}
