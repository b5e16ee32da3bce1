using System.Globalization;

namespace PetitionSite.Sharing;

// What a share image, a badge and an embedded card show about a petition.
public sealed record ShareCard(string Slug, string Title, int Signatures, int Goal, bool Open)
{
    public const int Width = 1200;
    public const int Height = 630;

    // How far toward the goal, from 0 to 1.
    public double Progress => Goal <= 0 ? 1 : Math.Clamp((double)Signatures / Goal, 0, 1);

    public static string CountText(int signatures) =>
        signatures.ToString("N0", CultureInfo.InvariantCulture) + (signatures == 1 ? " signature" : " signatures");

    public static string GoalText(int goal) => "of " + goal.ToString("N0", CultureInfo.InvariantCulture) + " needed";
}
