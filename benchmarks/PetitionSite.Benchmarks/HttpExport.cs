using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PetitionSite.Accounts;
using PetitionSite.Data;

namespace PetitionSite.Benchmarks;

// `http-export --base URL --db FILE --slug S`: makes an admin in the site's database, signs in through the login page and
// downloads the CSV export over HTTP, timing it and counting what arrives. The site runs with Admin:RequireTwoFactor=false.
public static class HttpExport
{
    public static async Task<int> RunAsync(CommandLine options)
    {
        var baseAddress = new Uri(options.Get("base"));
        var email = $"bench-admin-{Guid.NewGuid():N}@example.org";
        var password = "Bench-password-" + Guid.NewGuid().ToString("N")[..12];
        await CreateAdminAsync(options.Get("db"), email, password);

        // Cookies by hand: the site marks them Secure, and HttpClient's cookie jar would not send them over plain http.
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
        var form = await Antiforgery.FetchAsync(client, "/account/login");
        using var login = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent([new("Email", email), new("Password", password), new("__form", form.FormToken)]),
        };
        login.Headers.Add("Cookie", form.Cookie);
        using var signedIn = await client.SendAsync(login);
        var session = signedIn.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal))?.Split(';')[0]
            : null;
        if ((int)signedIn.StatusCode != 303 || session is null)
        {
            throw new InvalidOperationException($"Signing in failed: {(int)signedIn.StatusCode} {signedIn.Headers.Location}");
        }

        var clock = Stopwatch.StartNew();
        using var download = new HttpRequestMessage(HttpMethod.Get, $"/admin/petitions/{options.Get("slug")}/signatures.csv?States=all");
        download.Headers.Add("Cookie", session);
        using var response = await client.SendAsync(download, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long bytes = 0, lines = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        clock.Stop();
        var figures = new Figures(options.Find("figures"), options.Find("name") ?? "http_csv");
        figures.Add("seconds", clock.Elapsed.TotalSeconds);
        figures.Add("bytes", bytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        figures.Add("lines", lines.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await figures.SaveAsync();
        return 0;
    }

    // An admin made straight in the site's database through Identity's UserManager, as create-admin would.
    public static async Task CreateAdminAsync(string database, string email, string password)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:Petitions"] = $"Data Source={database}";
        builder.Logging.ClearProviders();
        builder.Services.AddPetitionsDatabase();
        builder.Services.AddIdentityCore<IdentityUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<PetitionsDbContext>();
        using var host = builder.Build();
        using var scope = host.Services.CreateScope();
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

    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
