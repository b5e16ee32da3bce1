namespace PetitionSite.Languages;

// A site path as it opens in a language, for links made outside a request (emails): "fr/petitions/x". English keeps
// the plain address, as before languages existed.
public static class LocalAddress
{
    public static string Of(string language, string path)
    {
        path = path.TrimStart('/');
        var known = SiteLanguages.KnownOrDefault(language);
        return known == SiteLanguages.Default ? path : known + "/" + path;
    }
}
