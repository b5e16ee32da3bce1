namespace PetitionSite.Admin.Petitions;

// The form for one translation, with the petition's own text beside it to translate from.
public sealed record TranslationPage(TranslatedPetition Petition, string Language, TranslationForm Form)
{
    public bool IsNew => Petition.In(Language) is null;

    public string Action => $"/admin/petitions/{Petition.Slug}/translations/{Language}";
}
