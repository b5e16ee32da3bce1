using System.Globalization;
using Microsoft.Extensions.Localization;

namespace PetitionSite.Languages;

// Counts and dates as a reader of the page's language writes them.
// Arabic uses the Arabic-Indic digits (٠١٢٣٤٥٦٧٨٩): CLDR's default for "ar", and what formal Arabic text in the Levant
// uses. .NET always formats with Western digits, so they are swapped here, for counts and dates alike.
public static class LocalFormat
{
    public static string Number(long value) => InLocalDigits(value.ToString("N0", CultureInfo.CurrentCulture));

    // "5 March 2026 at 14:07 UTC": the day and month in the language, the time in UTC as stored.
    public static string Moment(this IStringLocalizer<SiteText> text, DateTime utc) =>
        InLocalDigits(text["DateAtTime", utc.ToString("d MMMM yyyy", CultureInfo.CurrentCulture), utc.ToString("HH:mm", CultureInfo.CurrentCulture)]);

    // The resource key for a count: "Key.One" where the language uses the singular, else "Key". French puts 0 and 1 in
    // the singular; the Arabic texts name the count without a noun that agrees with it, so one key serves every number.
    public static string Plural(string key, long count) =>
        count == 1 || (count == 0 && SiteLanguages.Current == "fr") ? key + ".One" : key;

    // The key for a count of things in Arabic, whose nouns take a different form for 1, 2, 3 to 10, 11 to 99 and the
    // rest (CLDR's plural rules); English and French need only the singular ("Key.One") and the plural ("Key"), so their
    // ".Two", ".Few" and ".Many" texts repeat the plural.
    public static string CountKey(string key, long count)
    {
        if (SiteLanguages.Current != "ar")
        {
            return Plural(key, count);
        }

        return (count, count % 100) switch
        {
            (1, _) => key + ".One",
            (2, _) => key + ".Two",
            (_, >= 3 and <= 10) => key + ".Few",
            (_, >= 11 and <= 99) => key + ".Many",
            _ => key,
        };
    }

    // A period in words: whole years as years ("1 year"), other whole days as days ("14 days"), then hours or minutes.
    public static string Duration(this IStringLocalizer<SiteText> text, TimeSpan span)
    {
        var (unit, count) = UnitOf(span);
        return InLocalDigits(text[CountKey("Duration" + unit, count), count.ToString("N0", CultureInfo.CurrentCulture)]);
    }

    // How often something runs: "every hour", "every 6 hours".
    public static string Every(this IStringLocalizer<SiteText> text, TimeSpan span)
    {
        var (unit, count) = UnitOf(span);
        return count == 1 ? text["Every" + unit[..^1]] : text["Every" + unit, text.Duration(span)];
    }

    private static (string Unit, long Count) UnitOf(TimeSpan span) =>
        span.Ticks % TimeSpan.TicksPerDay == 0
            ? span.Days % 365 == 0 && span.Days > 0 ? ("Years", span.Days / 365) : ("Days", span.Days)
            : span.Ticks % TimeSpan.TicksPerHour == 0 ? ("Hours", (long)span.TotalHours)
            : ("Minutes", (long)Math.Ceiling(span.TotalMinutes));

    private static string InLocalDigits(string text)
    {
        if (CultureInfo.CurrentCulture.TwoLetterISOLanguageName != "ar")
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is >= '0' and <= '9' ? (char)('\u0660' + (source[i] - '0')) : source[i];
            }
        });
    }
}
