using System.Globalization;
using PetitionSite.Languages;

namespace PetitionSite.Admin.Petitions;

// What an admin types into the petition form. Everything is text, so a mistyped goal or date comes back as typed, with a message.
public sealed class PetitionForm
{
    // The format of a datetime-local input's value; the site reads it as UTC.
    public const string DateTimeLocalFormat = "yyyy-MM-ddTHH:mm";

    private static readonly string[] DateTimeLocalFormats = [DateTimeLocalFormat, "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.fff"];

    public string? Title { get; set; }

    public string? Slug { get; set; }

    public string? Summary { get; set; }

    public string? BodyMarkdown { get; set; }

    // The language the title, summary and text are written in; translations into the others are added later.
    public string? Language { get; set; } = SiteLanguages.Default;

    public string? Goal { get; set; }

    public string? OpensAt { get; set; }

    public string? ClosesAt { get; set; }

    public PetitionForm Normalized() => new()
    {
        Title = Title?.Trim(),
        Slug = Slug?.Trim(),
        Summary = PetitionTextRules.NormalizedSummary(Summary),
        BodyMarkdown = PetitionTextRules.NormalizedText(BodyMarkdown),
        Language = Language?.Trim(),
        Goal = Goal?.Trim(),
        OpensAt = OpensAt?.Trim(),
        ClosesAt = ClosesAt?.Trim(),
    };

    public static bool TryParseGoal(string? text, out int goal) =>
        int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out goal);

    public static bool TryParseMoment(string? text, out DateTime? moment)
    {
        moment = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!DateTime.TryParseExact(text, DateTimeLocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        moment = parsed;
        return true;
    }

    public static string? ShowMoment(DateTime? moment) =>
        moment?.ToString(DateTimeLocalFormat, CultureInfo.InvariantCulture);

    public int ParsedGoal => TryParseGoal(Goal, out var goal) ? goal : 0;

    public DateTime? ParsedOpensAt => TryParseMoment(OpensAt, out var moment) ? moment : null;

    public DateTime? ParsedClosesAt => TryParseMoment(ClosesAt, out var moment) ? moment : null;
}
