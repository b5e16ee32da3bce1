using System.Collections.Concurrent;
using System.Diagnostics;

namespace PetitionSite.Benchmarks;

// Open-loop load: request i is sent at start + i / rate whether or not earlier ones have been answered, so a slow server
// shows as latency, not as less offered load. Each latency runs from the request's scheduled time, not from when it left,
// so time the client spent waiting (for a connection, or for its own scheduler) counts too: no coordinated omission.
public sealed class FixedRateLoad(string name, double rate, HttpClient client, Func<long, HttpRequestMessage> request, Func<HttpResponseMessage, bool> succeeded)
{
    private readonly ConcurrentQueue<double> latencies = new();
    private readonly ConcurrentDictionary<int, int> statuses = new();
    private long sent;
    private int succeededCount;
    private int errors;
    // Requests due and not yet answered, whether on a connection or waiting in the client for one.
    private long outstanding;
    private long peakOutstanding;
    private long lastAnswerTicks;

    public string Name => name;

    public async Task RunAsync(Stopwatch clock, TimeSpan duration)
    {
        var total = (long)(rate * duration.TotalSeconds);
        var requests = new List<Task>((int)Math.Min(total, 1_000_000));
        while (sent < total)
        {
            var now = clock.Elapsed;
            while (sent < total && Scheduled(sent) <= now)
            {
                requests.Add(SendAsync(clock, sent));
                sent++;
            }

            // Timers fire about once a millisecond; whatever fell due meanwhile goes out on the next pass.
            await Task.Delay(1);
        }

        await Task.WhenAll(requests);
    }

    public void AddTo(Figures figures, TimeSpan duration)
    {
        var sorted = latencies.ToList();
        sorted.Sort();
        // Answers still arriving after the schedule ended stretch the time the stream took, and so lower its throughput.
        var seconds = Math.Max(duration.TotalSeconds, TimeSpan.FromTicks(lastAnswerTicks).TotalSeconds);
        figures.Add($"{name}_offered_per_second", rate, "0");
        figures.Add($"{name}_sent", sent);
        figures.Add($"{name}_ok", succeededCount);
        figures.Add($"{name}_statuses", string.Join(' ', statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}:{s.Value}")) is { Length: > 0 } all ? all : "none");
        figures.Add($"{name}_errors", errors);
        figures.Add($"{name}_seconds", seconds, "0.0");
        figures.Add($"{name}_per_second", succeededCount / seconds, "0");
        figures.Add($"{name}_peak_outstanding", peakOutstanding);
        figures.Add($"{name}_p50_ms", Figures.Percentile(sorted, 50), "0.0");
        figures.Add($"{name}_p99_ms", Figures.Percentile(sorted, 99), "0.0");
        figures.Add($"{name}_max_ms", sorted.Count == 0 ? 0 : sorted[^1], "0.0");
    }

    private TimeSpan Scheduled(long index) => TimeSpan.FromSeconds(index / rate);

    private async Task SendAsync(Stopwatch clock, long index)
    {
        var scheduled = Scheduled(index);
        RaiseTo(ref peakOutstanding, Interlocked.Increment(ref outstanding));
        try
        {
            using var message = request(index);
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
            var answered = clock.Elapsed;
            latencies.Enqueue((answered - scheduled).TotalMilliseconds);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if (succeeded(response))
            {
                Interlocked.Increment(ref succeededCount);
            }

            RaiseTo(ref lastAnswerTicks, answered.Ticks);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            Interlocked.Increment(ref errors);
        }
        finally
        {
            Interlocked.Decrement(ref outstanding);
        }
    }

    // A lock-free maximum: it tries again only when another request raised the value meanwhile.
    private static void RaiseTo(ref long target, long value)
    {
        var seen = Interlocked.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
