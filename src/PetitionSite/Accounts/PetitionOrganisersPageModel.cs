namespace PetitionSite.Accounts;

public sealed record PetitionOrganisersPageModel(
    PetitionReference Petition,
    IReadOnlyList<OrganiserOption> Assigned,
    IReadOnlyList<OrganiserOption> Unassigned,
    string? Problem = null);
