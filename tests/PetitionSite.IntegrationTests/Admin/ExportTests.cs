using System.Globalization;
using System.Net;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Admin.Audit;
using PetitionSite.Signing;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Admin;

public sealed class ExportTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const string Csv = "/admin/petitions/" + PetitionSiteFactory.PetitionSlug + "/signatures.csv";

    [Fact]
    public async Task The_download_is_a_utf8_file_with_a_byte_order_mark_that_reads_back_every_name_intact()
    {
        string[] names = ["Élodie", "وليد", "Smith, Jr.", "O\"Brien", "Line\nbreak"];
        var supporters = names.Select(n => Supporter.New(n, "Tester")).ToList();
        // Stored directly: the signing form refuses a line break, but the export must cope with whatever the database holds.
        await fixture.Site.QueryAsync(async db =>
        {
            var petitionId = await db.Petitions.Where(p => p.Slug == PetitionSiteFactory.PetitionSlug).Select(p => p.Id).SingleAsync();
            db.Signatures.AddRange(supporters.Select(s => new Signature
            {
                PetitionId = petitionId,
                FirstName = s.FirstName,
                LastName = s.LastName,
                Email = s.Email,
                NormalizedEmail = s.Email,
                CountryCode = "GB",
                State = SignatureState.Validated,
                Source = "partner-site",
                CreatedAt = DateTime.UtcNow,
                ConfirmedAt = DateTime.UtcNow,
            }));
            return await db.SaveChangesAsync();
        });

        var (client, admin) = await fixture.Site.SignedInStaffAsync("exporter-names@example.org");

        using var response = await client.Http.GetAsync(Csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal($"attachment; filename=\"free-walid-daqqah-signatures-{today}.csv\"", response.Content.Headers.ContentDisposition!.ToString());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes is [0xEF, 0xBB, 0xBF, ..], "The file starts with a UTF-8 byte order mark.");

        var rows = Read(bytes);
        Assert.Equal(
            ["first_name", "last_name", "email", "country", "postcode", "state", "signed_at", "confirmed_at", "keep_informed", "revision", "source"],
            rows.Headers);
        foreach (var supporter in supporters)
        {
            var row = Assert.Single(rows.Records, r => r["email"] == supporter.Email);
            Assert.Equal(supporter.FirstName, row["first_name"]);
            Assert.Equal("validated", row["state"]);
            Assert.Equal("1", row["revision"]);
            Assert.Equal("partner-site", row["source"]);
        }

        var audit = await fixture.Site.QueryAsync(db => db.AuditEntries.Where(e => e.Actor == admin.Email && e.Action == AuditAction.SignaturesExported).ToListAsync());
        var line = Assert.Single(audit);
        Assert.Equal(PetitionSiteFactory.PetitionSlug, line.PetitionSlug);
        Assert.StartsWith($"{rows.Records.Count} rows: confirmed signatures", line.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_a_spreadsheet_would_run_as_a_formula_is_made_inert()
    {
        var supporter = Supporter.New("=HYPERLINK(\"http://x\")", "Formula");
        await SignAsync(supporter, confirm: true);
        var (client, _) = await fixture.Site.SignedInStaffAsync("exporter-formula@example.org");

        var rows = Read(await client.Http.GetByteArrayAsync(Csv));

        var name = Assert.Single(rows.Records, r => r["email"] == supporter.Email)["first_name"];
        Assert.False(name.StartsWith('='), $"The name '{name}' would run as a formula.");
        Assert.Contains("HYPERLINK", name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirmed_signatures_only_by_default_every_one_on_request_and_a_date_range_narrows_them()
    {
        var confirmed = Supporter.New("Confirmed", "Signer");
        var pending = Supporter.New("Pending", "Signer");
        await SignAsync(confirmed, confirm: true);
        await SignAsync(pending, confirm: false);
        var signedAt = (await fixture.SignaturesFromAsync(pending.Email)).Single().CreatedAt;
        var (client, _) = await fixture.Site.SignedInStaffAsync("exporter-filters@example.org");
        string Minute(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        var byDefault = Emails(await client.Http.GetByteArrayAsync(Csv));
        var all = Emails(await client.Http.GetByteArrayAsync(Csv + "?States=all"));
        var window = Emails(await client.Http.GetByteArrayAsync($"{Csv}?States=all&From={Minute(signedAt.AddMinutes(-1))}&To={Minute(signedAt.AddMinutes(2))}"));
        var before = Emails(await client.Http.GetByteArrayAsync($"{Csv}?States=all&To={Minute(signedAt.AddMinutes(-1))}"));

        Assert.Contains(confirmed.Email, byDefault);
        Assert.DoesNotContain(pending.Email, byDefault);
        Assert.Contains(pending.Email, all);
        Assert.Contains(pending.Email, window);
        Assert.DoesNotContain(pending.Email, before);
        Assert.DoesNotContain(confirmed.Email, before);
    }

    [Fact]
    public async Task A_bad_date_shows_the_export_form_again_with_the_input_kept()
    {
        var (client, _) = await fixture.Site.SignedInStaffAsync("exporter-bad-date@example.org");

        var page = await client.OpenAsync(Csv + "?From=tomorrow");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Equal("tomorrow", page.ValueOf("#export-From"));
        Assert.NotNull(page.Document.QuerySelector(".error-summary"));
    }

    private async Task SignAsync(Supporter supporter, bool confirm)
    {
        using var response = await fixture.NewSupporter().SignAsync(supporter);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var email = (await fixture.Smtp.WaitForMessagesToAsync(supporter.Email, 1))[0];
        if (confirm)
        {
            using var confirmed = await fixture.NewSupporter().ConfirmAsync(PetitionSiteFactory.ConfirmationLinkIn(email));
            Assert.Equal(SignatureState.Validated, (await fixture.SignaturesFromAsync(supporter.Email)).Single().State);
        }
    }

    private static HashSet<string> Emails(byte[] csv) => Read(csv).Records.Select(r => r["email"]).ToHashSet();

    private static (IReadOnlyList<string> Headers, List<Dictionary<string, string>> Records) Read(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, new CsvReaderOptions());
        var records = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            var headers = reader.Headers;
            records.Add(Enumerable.Range(0, headers.Count).ToDictionary(i => headers[i], reader.GetString));
        }

        return (reader.Headers.ToList(), records);
    }
}
