using PetitionSite.Confirmation;
using Serilog.Core;
using Serilog.Events;

namespace PetitionSite.Site;

// ASP.NET Core's own lines ("Request starting … /signatures/confirm/…") and every request's logging scope carry the full
// path: any text in a log event that holds a one-time link has its token masked before a sink sees it.
public sealed class TokenMaskingEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? masked = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (value is ScalarValue { Value: string text } && TokenMask.InLink(text) is var safe && !string.Equals(safe, text, StringComparison.Ordinal))
            {
                (masked ??= []).Add(new LogEventProperty(name, new ScalarValue(safe)));
            }
        }

        foreach (var property in masked ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }
}
