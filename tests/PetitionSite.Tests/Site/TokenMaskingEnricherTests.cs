using PetitionSite.Site;
using Serilog.Events;
using Serilog.Parsing;

namespace PetitionSite.Tests.Site;

public sealed class TokenMaskingEnricherTests
{
    private const string Token = "ZDwFVGJv_CEXHdXaKzJGKFkHmzINSQNgHpa9WM3dHVU";

    [Fact]
    public void Every_text_property_that_holds_a_one_time_link_is_masked()
    {
        var logEvent = Event(
            ("Path", $"/signatures/withdraw/{Token}"),
            ("RequestPath", $"/signatures/confirm/{Token}"),
            ("Link", $"https://petitions.example.org/account/invitation/{Token}"),
            ("Other", "/petitions/free-walid-daqqah"));

        new TokenMaskingEnricher().Enrich(logEvent, null!);

        Assert.Equal("/signatures/withdraw/ZDwF…", Text(logEvent, "Path"));
        Assert.Equal("/signatures/confirm/ZDwF…", Text(logEvent, "RequestPath"));
        Assert.Equal("https://petitions.example.org/account/invitation/ZDwF…", Text(logEvent, "Link"));
        Assert.Equal("/petitions/free-walid-daqqah", Text(logEvent, "Other"));
        Assert.DoesNotContain(Token, logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static LogEvent Event(params (string Name, string Value)[] properties) => new(
        DateTimeOffset.UtcNow,
        LogEventLevel.Information,
        null,
        new MessageTemplateParser().Parse("Request starting {Path}"),
        properties.Select(p => new LogEventProperty(p.Name, new ScalarValue(p.Value))));

    private static string? Text(LogEvent logEvent, string name) => (logEvent.Properties[name] as ScalarValue)?.Value as string;
}
