using System.Net;

namespace PetitionSite.Benchmarks;

// `dashboard-load --base URL --slug S --email E --password P --seconds N --connections C [--path /figures.json]
// [--figures FILE --name N]`: signs in through the login form as a browser would, then GETs the petition's dashboard
// (or the file under it) in a closed loop with that session.
public static class DashboardLoad
{
    public static async Task<int> RunAsync(CommandLine options)
    {
        var connections = options.Number("connections", 4);
        var run = new LoadRun(new Uri(options.Get("base")), connections);
        using var client = run.CreateClient();
        var session = await SignInAsync(client, options.Get("email"), options.Get("password"));
        var path = new Uri($"/admin/petitions/{options.Get("slug")}{options.Find("path") ?? ""}", UriKind.Relative);

        using (var first = new HttpRequestMessage(HttpMethod.Get, path))
        {
            first.Headers.Add("Cookie", session);
            using var response = await client.SendAsync(first);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {path} as the signed-in admin answered {(int)response.StatusCode}.");
            }
        }

        await run.RunAsync(client, TimeSpan.FromSeconds(options.Number("seconds", 10)), _ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", session);
            return request;
        });

        var latencies = run.SortedLatencies();
        var figures = new Figures(options.Find("figures"), options.Find("name") ?? "dashboard");
        figures.Add("connections", connections);
        figures.Add("requests", latencies.Count);
        figures.Add("per_second", run.Count(HttpStatusCode.OK) / run.Elapsed.TotalSeconds, "0");
        figures.Add("non200", latencies.Count - run.Count(HttpStatusCode.OK) + run.Errors);
        figures.Add("p50_ms", Figures.Percentile(latencies, 50), "0.0");
        figures.Add("p95_ms", Figures.Percentile(latencies, 95), "0.0");
        figures.Add("p99_ms", Figures.Percentile(latencies, 99), "0.0");
        figures.Add("max_ms", latencies.Count == 0 ? 0 : latencies[^1], "0.0");
        await figures.SaveAsync();
        return 0;
    }

    // The login form with its antiforgery pair; the answer's Set-Cookie is the session every later request carries.
    public static async Task<string> SignInAsync(HttpClient client, string email, string password)
    {
        var form = await Antiforgery.FetchAsync(client, "/account/login");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("Email", email), new("Password", password), new("__form", form.FormToken)]),
        };
        request.Headers.Add("Cookie", form.Cookie);
        using var response = await client.SendAsync(request);
        var session = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? string.Join("; ", cookies.Where(c => c.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal)).Select(c => c.Split(';')[0]))
            : "";
        return response.StatusCode == HttpStatusCode.SeeOther && session.Length > 0
            ? session
            : throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode} without a session cookie.");
    }
}
