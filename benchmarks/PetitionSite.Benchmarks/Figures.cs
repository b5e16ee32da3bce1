using System.Globalization;

namespace PetitionSite.Benchmarks;

// Results as key=value lines: printed for the log and appended to the file the harness turns into docs/performance.md.
public sealed class Figures(string? path, string prefix)
{
    private readonly List<string> lines = [];

    public void Add(string name, double value, string format = "0.##") => Add(name, value.ToString(format, CultureInfo.InvariantCulture));

    public void Add(string name, string value) => lines.Add($"{prefix}_{name}={value}");

    public async Task SaveAsync()
    {
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }

        if (path is not null)
        {
            await File.AppendAllLinesAsync(path, lines);
        }
    }

    public static double Percentile(List<double> sorted, double percentile) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1)];
}
