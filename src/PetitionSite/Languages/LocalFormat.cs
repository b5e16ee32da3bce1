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
        count == 1 || (count == 0 && CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr") ? key + ".One" : key;

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
