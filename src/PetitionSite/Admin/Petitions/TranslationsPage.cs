using PetitionSite.Languages;

namespace PetitionSite.Admin.Petitions;

// The list of a petition's translations: one line per language other than its own, translated or not yet.
// Saved, Removed: the language just saved or removed, for the notice.
public sealed record TranslationsPage(TranslatedPetition Petition, string? Saved = null, string? Removed = null)
{
    public IEnumerable<string> OtherLanguages => SiteLanguages.All.Where(language => language != Petition.Language);
}
