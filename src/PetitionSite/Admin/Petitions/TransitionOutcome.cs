namespace PetitionSite.Admin.Petitions;

public enum TransitionOutcome
{
    Done,
    NotFound,
    // The petition is not in a state this change starts from, such as closing one that never opened.
    NotAllowed,
}
