namespace PetitionSite.Admin.Petitions;

// The site's languages as the back office, which is in English, names them.
public static class LanguageNames
{
    public static string InEnglish(string language) => language switch
    {
        "fr" => "French",
        "ar" => "Arabic",
        _ => "English",
    };
}
