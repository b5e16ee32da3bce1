using System.Globalization;

namespace PetitionSite.Petitions;

// How the site writes a petition's dates: unambiguous in any country, and in UTC as stored.
public static class PetitionDate
{
    public static string Describe(DateTime moment) =>
        moment.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
