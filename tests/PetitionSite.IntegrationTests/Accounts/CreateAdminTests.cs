using System.Net;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Accounts;
using PetitionSite.Admin.Audit;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Accounts;

public sealed class CreateAdminTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task The_printed_password_signs_the_new_admin_in_and_two_factor_is_offered_before_personal_data()
    {
        const string email = "first-admin@example.org";

        var (exitCode, password, _) = await RunAsync("--email", email);

        Assert.Equal(0, exitCode);
        var client = fixture.Site.CreateStaffClient();
        using var signedIn = await client.SignInAsync(new StaffMember(email, password, Roles.Admin, null));
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Equal("/admin", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.OpenAsync("/admin/people")).Status);
        Assert.Contains("Two-factor sign-in is off", (await client.OpenAsync("/account/two-factor")).Text, StringComparison.Ordinal);
        var audit = await fixture.Site.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.AdminCreated).ToListAsync());
        Assert.Contains(audit, e => e.Actor is null && e.Details.StartsWith("create-admin", StringComparison.Ordinal) && e.Details.Contains(email, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Running_it_again_gives_a_new_password_and_the_old_one_stops_working()
    {
        const string email = "forgetful-admin@example.org";
        var (_, first, _) = await RunAsync("--email", email);

        var (exitCode, second, _) = await RunAsync("--email", email);

        Assert.Equal(0, exitCode);
        Assert.NotEqual(first, second);
        using var withOld = await fixture.Site.CreateStaffClient().SignInAsync(new StaffMember(email, first, Roles.Admin, null));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withOld.StatusCode);
        using var withNew = await fixture.Site.CreateStaffClient().SignInAsync(new StaffMember(email, second, Roles.Admin, null));
        Assert.Equal(HttpStatusCode.SeeOther, withNew.StatusCode);
        Assert.Equal(1, await fixture.Site.QueryAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task An_existing_organiser_becomes_an_admin()
    {
        var organiser = await fixture.Site.CreateStaffAsync("promoted@example.org", Roles.Organiser, withTwoFactor: false);

        var (exitCode, password, _) = await RunAsync("--email", organiser.Email);

        Assert.Equal(0, exitCode);
        var client = fixture.Site.CreateStaffClient();
        using var signedIn = await client.SignInAsync(organiser with { Password = password });
        Assert.Equal(HttpStatusCode.OK, (await client.OpenAsync("/admin/people")).Status);
    }

    [Theory]
    [InlineData]
    [InlineData("--email")]
    [InlineData("--email", "not-an-address")]
    [InlineData("--email", "Someone <someone@example.org>")]
    [InlineData("--name", "someone@example.org")]
    public async Task A_missing_or_bad_address_prints_the_usage_and_exits_with_2(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        var exitCode = await CreateAdminCommand.RunAsync(args, output, errors, Settings, TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.Contains("Usage: PetitionSite create-admin --email", errors.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task It_makes_the_database_of_a_fresh_clone()
    {
        var directory = Directory.CreateTempSubdirectory("petitionsite-create-admin-").FullName;
        try
        {
            var settings = new Dictionary<string, string?> { ["ConnectionStrings:Petitions"] = $"Data Source={Path.Combine(directory, "data", "petitions.db")}" };
            var output = new StringWriter();

            var exitCode = await CreateAdminCommand.RunAsync(["--email", "fresh@example.org"], output, new StringWriter(), settings, TestContext.Current.CancellationToken);

            Assert.Equal(0, exitCode);
            Assert.True(File.Exists(Path.Combine(directory, "data", "petitions.db")));
            Assert.Single(output.ToString().Split('\n'), line => line.StartsWith("Password: ", StringComparison.Ordinal));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private Dictionary<string, string?> Settings => new()
    {
        ["ConnectionStrings:Petitions"] = $"Data Source={fixture.Site.DatabasePath}",
        ["DataProtection:KeysDirectory"] = Path.Combine(fixture.Site.DataDirectory, "keys"),
    };

    // Runs the verb as `dotnet run -- create-admin …` would, on the test site's database, and reads the password it prints.
    private async Task<(int ExitCode, string Password, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await CreateAdminCommand.RunAsync(args, output, new StringWriter(), Settings, TestContext.Current.CancellationToken);
        var line = output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith("Password: ", StringComparison.Ordinal));
        return (exitCode, line["Password: ".Length..], output.ToString());
    }
}
