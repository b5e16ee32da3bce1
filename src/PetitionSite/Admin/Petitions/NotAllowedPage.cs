using PetitionSite.Petitions;

namespace PetitionSite.Admin.Petitions;

// A lifecycle button pressed on a petition whose state has moved on, such as a second "Close" from an old tab.
public sealed record NotAllowedPage(string Slug, string Change, PetitionState State)
{
    public string Explanation => $"This petition is {State.ToString().ToLowerInvariant()}, so it cannot be {Change}. " + State switch
    {
        PetitionState.Pending => "A pending petition can be opened or rejected.",
        PetitionState.Open => "An open petition can be closed or rejected.",
        PetitionState.Closed => "A closed petition can be reopened or rejected.",
        _ => "A rejected petition stays rejected.",
    };
}
