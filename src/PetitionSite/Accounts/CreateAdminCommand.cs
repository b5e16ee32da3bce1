using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using PetitionSite.Admin.Audit;
using PetitionSite.Data;
using PetitionSite.Signing;

namespace PetitionSite.Accounts;

// `PetitionSite create-admin --email <address>`: the first admin of a new site, or a new password for an admin locked out
// of theirs. Runs on the site's own configuration and database, and never starts the web server.
public static class CreateAdminCommand
{
    public const string Verb = "create-admin";

    private const string Usage = $"Usage: PetitionSite {Verb} --email <address>";
    private const int PasswordLength = 20;
    private const string Uppercase = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lowercase = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "-_.!@#%+=";
    private static readonly SearchValues<char>[] CharacterKinds = [SearchValues.Create(Uppercase), SearchValues.Create(Lowercase), SearchValues.Create(Digits), SearchValues.Create(Symbols)];

    // Returns false when the arguments are not this command, so the site starts as usual.
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] != Verb)
        {
            return false;
        }

        Environment.ExitCode = await RunAsync(args[1..], Console.Out, Console.Error);
        return true;
    }

    // The command itself, with its arguments after the verb; settings override the site's configuration (tests point it at their database).
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, IDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        var email = EmailIn(args);
        if (email is null)
        {
            await errors.WriteLineAsync(Usage);
            await errors.WriteLineAsync("The address must be a whole email address, such as you@example.org.");
            return 2;
        }

        var builder = WebApplication.CreateBuilder();
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        // Standard output carries the password; only problems belong in the log.
        builder.Logging.ClearProviders().AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddPetitionsDatabase();
        builder.Services.AddAccountStore();
        builder.Services.AddSingleton<AuditLog>();
        // Checked as Development checks it, in every environment: a service this verb cannot build fails its tests.
        builder.Host.UseDefaultServiceProvider(provider =>
        {
            provider.ValidateOnBuild = true;
            provider.ValidateScopes = true;
        });
        await using var app = builder.Build();
        await app.Services.InitializeDatabaseAsync(cancellationToken);

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in new[] { Roles.Admin, Roles.Organiser })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        var password = GeneratePassword();
        var user = await users.FindByEmailAsync(email);
        var created = user is null;
        try
        {
            if (user is null)
            {
                user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
                Check(await users.CreateAsync(user, password));
            }
            else
            {
                if (await users.HasPasswordAsync(user))
                {
                    Check(await users.RemovePasswordAsync(user));
                }

                Check(await users.AddPasswordAsync(user, password));
                // Whoever runs this on the server is trusted to let the admin back in.
                Check(await users.SetLockoutEndDateAsync(user, null));
                Check(await users.ResetAccessFailedCountAsync(user));
            }

            if (!await users.IsInRoleAsync(user, Roles.Admin))
            {
                Check(await users.AddToRoleAsync(user, Roles.Admin));
            }
        }
        catch (InvalidOperationException ex)
        {
            await errors.WriteLineAsync($"Could not {(created ? "create" : "update")} the account {email}: {ex.Message}");
            return 1;
        }

        var audit = app.Services.GetRequiredService<AuditLog>();
        await audit.RecordAsync(null, AuditAction.AdminCreated, null, created ? $"{Verb}: new admin {email}" : $"{Verb}: new password for {email}", cancellationToken);

        await output.WriteLineAsync(created
            ? $"Created the admin account {email}. Sign in at /account/login with this password; it is shown only once:"
            : $"The account {email} is an admin and has a new password; the old one no longer works. It is shown only once:");
        await output.WriteLineAsync($"Password: {password}");
        return 0;
    }

    // A password that meets Identity's rules (every kind of character, at least 12 long), without look-alikes such as O and 0.
    public static string GeneratePassword()
    {
        const string All = Uppercase + Lowercase + Digits + Symbols;
        while (true)
        {
            var password = RandomNumberGenerator.GetString(All, PasswordLength);
            if (CharacterKinds.All(kind => password.AsSpan().ContainsAny(kind)))
            {
                return password;
            }
        }
    }

    private static string? EmailIn(string[] args)
    {
        var value = args switch
        {
            ["--email", var address] => address,
            [var single] when single.StartsWith("--email=", StringComparison.Ordinal) => single["--email=".Length..],
            _ => null,
        };
        value = value?.Trim();
        return EmailAddressRules.IsDeliverable(value) ? value : null;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
