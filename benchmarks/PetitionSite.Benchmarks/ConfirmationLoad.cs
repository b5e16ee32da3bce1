using System.Net;

namespace PetitionSite.Benchmarks;

// `confirm-load --base URL --links FILE --seconds N --connections C [--figures FILE]`:
// presses "confirm" once for each link the SMTP sink collected.
public static class ConfirmationLoad
{
    public static async Task<int> RunAsync(CommandLine options)
    {
        var links = await ReadLinksAsync(options.Get("links"), options.Number("max", int.MaxValue));
        if (links.Length == 0)
        {
            throw new InvalidOperationException("No confirmation links to press.");
        }

        var connections = options.Number("connections", 32);
        var run = new LoadRun(new Uri(options.Get("base")), connections);
        using var client = run.CreateClient();
        var pair = await Antiforgery.FetchAsync(client, links[0]);
        var body = $"__form={Uri.EscapeDataString(pair.FormToken)}";
        var taken = -1;

        HttpRequestMessage? Next(int worker)
        {
            var index = Interlocked.Increment(ref taken);
            if (index >= links.Length)
            {
                return null;
            }

            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(links[index], UriKind.Relative))
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            request.Headers.Add("Cookie", pair.Cookie);
            return request;
        }

        await run.RunAsync(client, TimeSpan.FromSeconds(options.Number("seconds", 30)), Next);

        var latencies = run.SortedLatencies();
        var figures = new Figures(options.Find("figures"), options.Find("name") ?? "confirm");
        figures.Add("links", links.Length);
        figures.Add("confirmed", run.Count(HttpStatusCode.SeeOther));
        figures.Add("other_statuses", string.Join(' ', run.Statuses.Where(s => s.Key != 303).Select(s => $"{s.Key}:{s.Value}")) is { Length: > 0 } other ? other : "none");
        figures.Add("errors", run.Errors);
        figures.Add("seconds", run.Elapsed.TotalSeconds, "0.0");
        figures.Add("per_second", run.Count(HttpStatusCode.SeeOther) / run.Elapsed.TotalSeconds, "0");
        figures.Add("p99_ms", Figures.Percentile(latencies, 99), "0.0");
        await figures.SaveAsync();
        return 0;
    }

    // The paths of the confirmation links in the SMTP sink's "recipient<TAB>link" file, in the order they arrived.
    public static async Task<string[]> ReadLinksAsync(string path, int max) =>
        (await File.ReadAllLinesAsync(path))
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 2 && parts[1].StartsWith("http", StringComparison.Ordinal))
            .Select(parts => new Uri(parts[1]).AbsolutePath)
            .Take(max)
            .ToArray();
}
