namespace PetitionSite.Accounts;

public static class AccessPolicies
{
    // Admins and organisers: the back office's own pages.
    public const string BackOffice = "back-office";

    // Admins only: managing petitions, people, moderation, exports and the audit log.
    public const string Admin = "admin";

    // An admin, or an organiser assigned to the petition named by the route's {slug}.
    public const string PetitionOrganiser = "petition-organiser";
}
