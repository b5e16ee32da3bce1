namespace PetitionSite.Accounts;

public sealed record PeoplePageModel(
    IReadOnlyList<StaffListItem> Staff,
    IReadOnlyList<PetitionReference> Petitions,
    DateTime Now,
    string? Email = null,
    string? EmailError = null,
    string? Notice = null);
