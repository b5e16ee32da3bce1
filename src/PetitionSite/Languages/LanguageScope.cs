using System.Globalization;

namespace PetitionSite.Languages;

// Writes something in a language other than the request's (an email, in the background, in its signer's language):
// texts, numbers and dates follow it until the scope is disposed. Only for synchronous work: the culture flows with awaits.
public sealed class LanguageScope : IDisposable
{
    private readonly CultureInfo culture;
    private readonly CultureInfo uiCulture;

    private LanguageScope(string language)
    {
        culture = CultureInfo.CurrentCulture;
        uiCulture = CultureInfo.CurrentUICulture;
        var chosen = CultureInfo.GetCultureInfo(SiteLanguages.KnownOrDefault(language));
        CultureInfo.CurrentCulture = chosen;
        CultureInfo.CurrentUICulture = chosen;
    }

    public static LanguageScope Enter(string language) => new(language);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }
}
