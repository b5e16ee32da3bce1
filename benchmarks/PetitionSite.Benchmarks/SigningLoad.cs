using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace PetitionSite.Benchmarks;

// `sign-load --base URL --slug S --seconds N --connections C --prefix P [--max N] [--accepted FILE] [--figures FILE --name N]`:
// POSTs the signature form with a fresh address each time (at most --max of them) and counts the 303 answers.
public static class SigningLoad
{
    public static async Task<int> RunAsync(CommandLine options)
    {
        var slug = options.Get("slug");
        var prefix = options.Get("prefix");
        var connections = options.Number("connections", 64);
        var run = new LoadRun(new Uri(options.Get("base")), connections);
        using var client = run.CreateClient();
        var pair = await Antiforgery.FetchAsync(client, $"/petitions/{slug}");
        var path = new Uri($"/petitions/{slug}/signatures", UriKind.Relative);
        var formStart = $"__form={Uri.EscapeDataString(pair.FormToken)}&Form.FirstName=Bench&Form.LastName=Signer&Form.Country=GB&Form.Email=";
        var counters = new int[connections];
        var accepted = new ConcurrentQueue<string>();
        var keepAccepted = options.Find("accepted") is not null;
        var max = options.Number("max", int.MaxValue);
        var sent = 0;

        HttpRequestMessage? Next(int worker)
        {
            if (Interlocked.Increment(ref sent) > max)
            {
                return null;
            }

            var email = $"{prefix}-{worker}-{counters[worker]++}@example.org";
            var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new ByteArrayContent(Encoding.UTF8.GetBytes(formStart + Uri.EscapeDataString(email))),
            };
            request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
            request.Headers.Add("Cookie", pair.Cookie);
            request.Options.Set(EmailKey, email);
            return request;
        }

        void OnAnswer(HttpRequestMessage request, HttpStatusCode status)
        {
            if (keepAccepted && status == HttpStatusCode.SeeOther && request.Options.TryGetValue(EmailKey, out var email))
            {
                accepted.Enqueue(email);
            }
        }

        await run.RunAsync(client, TimeSpan.FromSeconds(options.Number("seconds", 10)), Next, OnAnswer);

        if (options.Find("accepted") is { } acceptedPath)
        {
            await File.WriteAllLinesAsync(acceptedPath, accepted);
        }

        var latencies = run.SortedLatencies();
        var figures = new Figures(options.Find("figures"), options.Find("name") ?? "sign");
        figures.Add("seconds", run.Elapsed.TotalSeconds, "0.0");
        figures.Add("connections", connections);
        figures.Add("accepted", run.Count(HttpStatusCode.SeeOther));
        figures.Add("other_statuses", string.Join(' ', run.Statuses.Where(s => s.Key != 303).Select(s => $"{s.Key}:{s.Value}")) is { Length: > 0 } other ? other : "none");
        figures.Add("errors", run.Errors);
        figures.Add("per_second", run.Count(HttpStatusCode.SeeOther) / run.Elapsed.TotalSeconds, "0");
        figures.Add("slowest_second", run.SlowestSecond());
        figures.Add("p50_ms", Figures.Percentile(latencies, 50), "0.0");
        figures.Add("p99_ms", Figures.Percentile(latencies, 99), "0.0");
        figures.Add("max_ms", latencies.Count == 0 ? 0 : latencies[^1], "0.0");
        await figures.SaveAsync();
        return 0;
    }

    private static readonly HttpRequestOptionsKey<string> EmailKey = new("bench-email");
}
