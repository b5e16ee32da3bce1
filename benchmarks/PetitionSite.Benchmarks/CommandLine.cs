using System.Globalization;

namespace PetitionSite.Benchmarks;

// `verb --name value ...`, nothing more: the harness script is the only caller.
public sealed class CommandLine
{
    private readonly Dictionary<string, string> values;

    private CommandLine(string verb, Dictionary<string, string> values)
    {
        Verb = verb;
        this.values = values;
    }

    public string Verb { get; }

    public static CommandLine Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        return new CommandLine(args.Length > 0 ? args[0] : "", values);
    }

    public static int Usage()
    {
        Console.Error.WriteLine("Usage: PetitionSite.Benchmarks site|smtp-sink|sign-load|confirm-load|raw-sqlite|seed|http-export|seed-dashboard|dashboard-load|mixed-load --option value ...; see benchmarks/run.");
        return 2;
    }

    public string Get(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required for {Verb}.");

    public string? Find(string name) => values.GetValueOrDefault(name);

    public int Number(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
