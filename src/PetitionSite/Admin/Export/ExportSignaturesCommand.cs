using PetitionSite.Data;

namespace PetitionSite.Admin.Export;

// `PetitionSite export-signatures <slug> <file>`: the CSV export from a shell, with the site's own configuration and database.
public static class ExportSignaturesCommand
{
    public const string Verb = "export-signatures";

    // Returns false when the arguments are not this command, so the site starts as usual.
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] != Verb)
        {
            return false;
        }

        if (args.Length != 3)
        {
            await Console.Error.WriteLineAsync($"Usage: PetitionSite {Verb} <petition-slug> <output.csv | ->");
            Environment.ExitCode = 2;
            return true;
        }

        var builder = Host.CreateApplicationBuilder();
        // Standard output may be the CSV itself; only problems belong on the console.
        builder.Logging.ClearProviders().AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddPetitionsDatabase();
        builder.Services.AddSingleton<SignatureCsvExporter>();
        using var host = builder.Build();
        var exporter = host.Services.GetRequiredService<SignatureCsvExporter>();

        var (slug, path) = (args[1], args[2]);
        await using var output = path == "-" ? Console.OpenStandardOutput() : new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
        var rows = await exporter.ExportAsync(slug, output, CancellationToken.None);
        if (rows is null)
        {
            await Console.Error.WriteLineAsync($"No petition has the slug '{slug}'.");
            Environment.ExitCode = 1;
            return true;
        }

        await Console.Error.WriteLineAsync($"Exported {rows} signatures of {slug} to {path}.");
        return true;
    }
}
