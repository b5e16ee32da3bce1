namespace PetitionSite.Admin.Petitions;

public enum PetitionEditOutcome
{
    Saved,
    NotFound,
    SlugTaken,
}
