using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace PetitionSite.Testing;

// Every line the site logs, as a file sink would keep it: the message, each property and any exception, after the site's own enrichers.
public sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    public void Emit(LogEvent logEvent)
    {
        var properties = string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
        lines.Enqueue($"[{logEvent.Level}] {logEvent.RenderMessage(CultureInfo.InvariantCulture)} {{{properties}}} {logEvent.Exception}");
    }

    // Waits until a line mentions the text: a line is written just after the change it reports, so a test may see the change first.
    public async Task<IReadOnlyList<string>> WaitForMentionOfAsync(string text, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Mentioning(text) is var found && found.Count == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No line mentioned \"{text}\"; {lines.Count} lines were logged.");
            }

            await Task.Delay(50);
        }

        return Mentioning(text);
    }

    // The lines that mention the text anywhere, for a test to show when it expected none.
    public IReadOnlyList<string> Mentioning(string text) =>
        lines.Where(line => line.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();
}
