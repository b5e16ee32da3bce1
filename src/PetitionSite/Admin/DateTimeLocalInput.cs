using System.Globalization;

namespace PetitionSite.Admin;

// The value of an <input type="datetime-local">, read as UTC: "2026-11-28T14:30", seconds optional.
public static class DateTimeLocalInput
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    public static bool TryParse(string? value, out DateTime? utc)
    {
        utc = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (DateTime.TryParseExact(value.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            utc = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
            return true;
        }

        return false;
    }

    // A "from … to …" pair of fields: each a date and time or empty, the end after the start. Problems go by field name.
    public static (DateTime? From, DateTime? To) ReadWindow(string? from, string? to, string fromField, string toField, Dictionary<string, string> problems)
    {
        if (!TryParse(from, out var start))
        {
            problems[fromField] = "Enter the start as a date and time, such as 2026-11-28T09:00.";
        }

        if (!TryParse(to, out var end))
        {
            problems[toField] = "Enter the end as a date and time, such as 2026-11-28T18:00.";
        }

        if (start is not null && end is not null && end <= start)
        {
            problems[toField] = "The end must be after the start.";
        }

        return (start, end);
    }

    public static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
