namespace PetitionSite.Admin.Petitions;

public enum PetitionEditOutcome
{
    Saved,
    NotFound,
    SlugTaken,

    // The language chosen for the petition already has a translation of it.
    TranslatedIntoLanguage,
}
