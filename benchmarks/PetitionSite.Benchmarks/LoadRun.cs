using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace PetitionSite.Benchmarks;

// Closed-loop load: each connection sends its next POST when the last one is answered, until time or work runs out;
// requests already sent when time is up are still awaited, so every answer is counted.
public sealed class LoadRun(Uri baseAddress, int connections)
{
    private readonly ConcurrentBag<List<double>> latencies = [];
    private readonly ConcurrentDictionary<int, int> statuses = new();
    private readonly ConcurrentDictionary<long, int> perSecond = new();
    private int errors;

    public HttpClient CreateClient() => CreateClient(baseAddress, connections);

    // Cookies by hand (the site marks them Secure, and a cookie jar would not send them over plain http); no redirects
    // followed, so each answer's own status is counted.
    public static HttpClient CreateClient(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        UseCookies = false,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public TimeSpan Elapsed { get; private set; }

    public int Errors => errors;

    public int Count(HttpStatusCode status) => statuses.GetValueOrDefault((int)status);

    public IReadOnlyDictionary<int, int> Statuses => statuses;

    // The request factory returns null when there is no more work; onAnswer sees each status.
    public async Task RunAsync(HttpClient client, TimeSpan duration, Func<int, HttpRequestMessage?> next, Action<HttpRequestMessage, HttpStatusCode>? onAnswer = null)
    {
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var mine = new List<double>(100_000);
            latencies.Add(mine);
            while (clock.Elapsed < duration && next(worker) is { } request)
            {
                using (request)
                {
                    var started = clock.Elapsed;
                    try
                    {
                        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                        var done = clock.Elapsed;
                        mine.Add((done - started).TotalMilliseconds);
                        statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                        perSecond.AddOrUpdate((long)done.TotalSeconds, 1, (_, n) => n + 1);
                        onAnswer?.Invoke(request, response.StatusCode);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                    {
                        Interlocked.Increment(ref errors);
                        // The site may be down on purpose (fault checks): back off instead of spinning.
                        await Task.Delay(20);
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        Elapsed = clock.Elapsed;
    }

    public List<double> SortedLatencies()
    {
        var all = latencies.SelectMany(l => l).ToList();
        all.Sort();
        return all;
    }

    // The slowest whole second after the first, a check that throughput was sustained rather than a burst.
    public int SlowestSecond()
    {
        var whole = (long)Elapsed.TotalSeconds;
        return whole < 3 ? 0 : Enumerable.Range(1, (int)whole - 2).Min(s => perSecond.GetValueOrDefault(s));
    }
}
