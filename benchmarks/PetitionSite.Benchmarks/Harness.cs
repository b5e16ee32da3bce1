namespace PetitionSite.Benchmarks;

// One verb per harness step; benchmarks/run calls them in turn and reads the key=value lines they print.
public static class Harness
{
    public static async Task<int> Main(string[] args)
    {
        var options = CommandLine.Parse(args);
        return options.Verb switch
        {
            "site" => await SiteCommand.RunAsync(options),
            "smtp-sink" => await SmtpSinkCommand.RunAsync(options),
            "sign-load" => await SigningLoad.RunAsync(options),
            "confirm-load" => await ConfirmationLoad.RunAsync(options),
            "raw-sqlite" => await RawSqliteInserts.RunAsync(options),
            "seed" => await SignatureSeeder.RunAsync(options),
            "http-export" => await HttpExport.RunAsync(options),
            "seed-dashboard" => await DashboardSeeder.RunAsync(options),
            "dashboard-load" => await DashboardLoad.RunAsync(options),
            "mixed-load" => await MixedLoad.RunAsync(options),
            _ => CommandLine.Usage(),
        };
    }
}
