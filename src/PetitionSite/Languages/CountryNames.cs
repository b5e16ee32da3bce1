using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;
using PetitionSite.Signing;

namespace PetitionSite.Languages;

// The signature form's country list, and the names in the count-by-country table, in the page's language: Resources/Languages/CountryNames.{fr,ar}.resx, keyed by
// ISO code. Written out rather than asked of ICU, whose RegionInfo.DisplayName on Linux answers in the process's first
// UI culture, not the request's. Sorted once per language, in that language's alphabetical order.
public sealed class CountryNames(IStringLocalizer<CountryNames> names)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<Country>> byLanguage = new(StringComparer.Ordinal);

    // One country's name in the page's language, for the count-by-country table; a code no longer listed is shown as stored.
    public string NameOf(string code)
    {
        if (SiteLanguages.Current == SiteLanguages.Default)
        {
            return Countries.NameOf(code);
        }

        var name = names[code];
        return name.ResourceNotFound ? Countries.NameOf(code) : name.Value;
    }

    public IReadOnlyList<Country> InCurrentLanguage()
    {
        var culture = CultureInfo.CurrentUICulture;
        return culture.TwoLetterISOLanguageName == SiteLanguages.Default
            ? Countries.All
            : byLanguage.GetOrAdd(culture.Name, _ => [.. Countries.All
                .Select(country => country with { Name = names[country.Code] })
                .OrderBy(country => country.Name, StringComparer.Create(culture, ignoreCase: true))]);
    }
}
