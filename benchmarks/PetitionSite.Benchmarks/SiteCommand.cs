using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;

namespace PetitionSite.Benchmarks;

// `site --mode real|discard --port P --data DIR --smtp-port S`: serves until SIGTERM, then stops the host gracefully.
public static class SiteCommand
{
    public static async Task<int> RunAsync(CommandLine options)
    {
        var mode = options.Get("mode");
        var data = Path.GetFullPath(options.Get("data"));
        var port = options.Number("port", 0);
        Directory.CreateDirectory(data);
        // WebApplicationFactory looks for its manifest, which names the site's content root, in the current directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Petitions"] = $"Data Source={Path.Combine(data, "petitions.db")}",
            ["DataProtection:KeysDirectory"] = Path.Combine(data, "keys"),
            ["Site:PublicUrl"] = $"http://127.0.0.1:{port}",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = options.Get("smtp-port"),
            ["Smtp:UseTls"] = "false",
            ["RateLimiting:Enabled"] = "false",
            // The dashboard's seeded month of signatures stays as seeded: the retention jobs would delete its older unconfirmed ones mid-run.
            ["Privacy:UnconfirmedSignatureDays"] = "365",
            ["Serilog:MinimumLevel:Default"] = options.Find("log-level") ?? "Warning",
        };

        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        await using var site = new BenchSite(settings, discardWrites: mode.StartsWith("discard", StringComparison.Ordinal));
        // The port in Kestrel's options: UseKestrel(port) sets it after the host is built, racing Program.cs to start the server.
        site.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        site.StartServer();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"site ready: mode={mode} port={port} data={data}"));
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        Console.WriteLine("site stopping");
        return 0;
    }
}
