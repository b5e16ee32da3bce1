using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace PetitionSite.Benchmarks;

// `mixed-load --base URL --slug S --seconds T --sign-rate N --confirm-rate M --links FILE --dashboard-rate R --db FILE
// [--export-after S] [--ready FILE] --prefix P [--figures FILE --name X]`: the writing side of a viral day, open loop at
// fixed rates, all at once: new signatures, people pressing their confirmation links, an organiser refreshing the
// petition's dashboard and, once, an admin downloading its CSV. The readers come from wrk, started by benchmarks/run
// when the ready file appears (a second before the schedule starts), so both cover the same window.
public static class MixedLoad
{
    // Connections each writing stream may open; requests beyond them wait in the client, their latency still counting.
    private const int Connections = 64;

    public static async Task<int> RunAsync(CommandLine options)
    {
        var baseAddress = new Uri(options.Get("base"));
        var slug = options.Get("slug");
        var prefix = options.Get("prefix");
        var duration = TimeSpan.FromSeconds(options.Number("seconds", 10));
        var signRate = options.Number("sign-rate", 0);
        var confirmRate = options.Number("confirm-rate", 0);
        var dashboardRate = options.Number("dashboard-rate", 0);
        var exportAfter = options.Find("export-after") is { } after ? TimeSpan.FromSeconds(int.Parse(after, CultureInfo.InvariantCulture)) : (TimeSpan?)null;

        var streams = new List<FixedRateLoad>();
        using var signing = LoadRun.CreateClient(baseAddress, Connections);
        var pair = await Antiforgery.FetchAsync(signing, $"/petitions/{slug}");
        var formStart = $"__form={Uri.EscapeDataString(pair.FormToken)}&Form.FirstName=Bench&Form.LastName=Signer&Form.Country=GB&Form.Email=";
        var signPath = new Uri($"/petitions/{slug}/signatures", UriKind.Relative);
        if (signRate > 0)
        {
            streams.Add(new FixedRateLoad("sign", signRate, signing, index =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, signPath)
                {
                    Content = new ByteArrayContent(Encoding.UTF8.GetBytes(formStart + Uri.EscapeDataString($"{prefix}-{index}@example.org"))),
                };
                request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
                request.Headers.Add("Cookie", pair.Cookie);
                return request;
            }, response => response.StatusCode == HttpStatusCode.SeeOther));
        }

        using var confirming = LoadRun.CreateClient(baseAddress, Connections);
        if (confirmRate > 0)
        {
            var needed = (int)(confirmRate * duration.TotalSeconds);
            var links = await ConfirmationLoad.ReadLinksAsync(options.Get("links"), needed);
            if (links.Length < needed)
            {
                throw new InvalidOperationException($"{confirmRate} confirmations a second for {duration.TotalSeconds} s need {needed} links; {options.Get("links")} holds {links.Length}.");
            }

            // The same form pair a signer's tab holds: the token is not tied to one form.
            var body = $"__form={Uri.EscapeDataString(pair.FormToken)}";
            streams.Add(new FixedRateLoad("confirm", confirmRate, confirming, index =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, new Uri(links[index], UriKind.Relative))
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
                };
                request.Headers.Add("Cookie", pair.Cookie);
                return request;
            }, response => response.StatusCode == HttpStatusCode.SeeOther
                && response.Headers.Location?.OriginalString.EndsWith("/thanks", StringComparison.Ordinal) == true));
        }

        using var backOffice = LoadRun.CreateClient(baseAddress, 4);
        backOffice.Timeout = TimeSpan.FromMinutes(5);
        var session = "";
        if (dashboardRate > 0 || exportAfter is not null)
        {
            var email = $"{prefix}-admin-{Guid.NewGuid():N}@example.org";
            var password = "Bench-password-" + Guid.NewGuid().ToString("N")[..12];
            await HttpExport.CreateAdminAsync(options.Get("db"), email, password);
            session = await DashboardLoad.SignInAsync(backOffice, email, password);
        }

        var dashboardPath = new Uri($"/admin/petitions/{slug}", UriKind.Relative);
        if (dashboardRate > 0)
        {
            using var first = DashboardRequest(dashboardPath, session);
            using var response = await backOffice.SendAsync(first);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {dashboardPath} as the signed-in admin answered {(int)response.StatusCode}.");
            }

            streams.Add(new FixedRateLoad("dashboard", dashboardRate, backOffice, _ => DashboardRequest(dashboardPath, session), response => response.StatusCode == HttpStatusCode.OK));
        }

        if (options.Find("ready") is { } ready)
        {
            await File.WriteAllTextAsync(ready, "");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var figures = new Figures(options.Find("figures"), options.Find("name") ?? "mixed");
        var clock = Stopwatch.StartNew();
        var export = exportAfter is { } at ? ExportAsync(backOffice, clock, at, $"/admin/petitions/{slug}/signatures.csv?States=all", session, figures) : Task.CompletedTask;
        await Task.WhenAll(streams.Select(stream => Task.Run(() => stream.RunAsync(clock, duration))).Append(export));

        figures.Add("seconds", duration.TotalSeconds, "0");
        figures.Add("connections", Connections);
        foreach (var stream in streams)
        {
            stream.AddTo(figures, duration);
        }

        await figures.SaveAsync();
        return 0;
    }

    private static HttpRequestMessage DashboardRequest(Uri path, string session)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", session);
        return request;
    }

    // One download of the petition's signatures, timed from request to last byte. A failure is recorded, not thrown:
    // the rest of the window still measures.
    private static async Task ExportAsync(HttpClient client, Stopwatch clock, TimeSpan at, string path, string session, Figures figures)
    {
        await Task.Delay(at);
        var started = clock.Elapsed;
        long bytes = 0, lines = 0;
        var status = "error";
        try
        {
            using var request = DashboardRequest(new Uri(path, UriKind.Relative), session);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                bytes += read;
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            Console.Error.WriteLine($"export: {ex.Message}");
        }

        figures.Add("export_status", status);
        figures.Add("export_started_s", started.TotalSeconds, "0.0");
        figures.Add("export_seconds", (clock.Elapsed - started).TotalSeconds, "0.00");
        figures.Add("export_bytes", bytes);
        figures.Add("export_lines", lines);
    }
}
