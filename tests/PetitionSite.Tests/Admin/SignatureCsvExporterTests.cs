using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PetitionSite.Admin;
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
            "first_name,last_name,email,country,postcode,state,signed_at,confirmed_at,keep_informed\r\n" +
            "Ada,Lovelace,ada@example.org,GB,SW1A 1AA,validated,2026-11-25T20:15:30Z,2026-11-25T20:15:30Z,yes\r\n" +
            "Alan,Turing,alan@example.org,GB,SW1A 1AA,pending,2026-11-25T20:15:30Z,,yes\r\n",
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
    public async Task Keeps_Arabic_names_intact_in_UTF8_without_a_byte_order_mark()
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

        Assert.Equal($"{written},Smith,formula@example.org,GB,SW1A 1AA,pending,2026-11-25T20:15:30Z,,yes", csv.Split("\r\n")[1]);
    }

    [Fact]
    public async Task Answers_null_for_a_petition_that_does_not_exist()
    {
        using var output = new MemoryStream();

        var rows = await new SignatureCsvExporter(factory).ExportAsync("no-such-petition", output, TestContext.Current.CancellationToken);

        Assert.Null(rows);
    }

    private async Task AddAsync(string firstName, string lastName, string email, bool confirmed = false)
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
            CreatedAt = SignedAt,
            ConfirmedAt = confirmed ? SignedAt : null,
        });
        await db.SaveChangesAsync();
    }

    private async Task<(long? Rows, string Csv)> ExportAsync()
    {
        using var output = new MemoryStream();
        var rows = await new SignatureCsvExporter(factory).ExportAsync("free-walid-daqqah", output, TestContext.Current.CancellationToken);
        var bytes = output.ToArray();
        Assert.False(bytes is [0xEF, 0xBB, 0xBF, ..], "The file starts with a byte order mark.");
        return (rows, Encoding.UTF8.GetString(bytes));
    }
}
