namespace PetitionSite.Accounts;

public static class Roles
{
    public const string Admin = "Admin";

    public const string Organiser = "Organiser";
}
