using System.Globalization;
using Microsoft.Extensions.Localization;
using PetitionSite.Languages;

namespace PetitionSite.Sharing;

// What a share image, a badge and an embedded card show about a petition.
public sealed record ShareCard(string Slug, string Title, int Signatures, int Goal, bool Open)
{
    public const int Width = 1200;
    public const int Height = 630;

    // How far toward the goal, from 0 to 1.
    public double Progress => Goal <= 0 ? 1 : Math.Clamp((double)Signatures / Goal, 0, 1);

    // "1,234 signatures" in the page's language, with its digits.
    public static string CountText(IStringLocalizer<SiteText> text, int signatures) =>
        text[LocalFormat.Plural("CardCount", signatures), LocalFormat.Number(signatures)];

    public static string GoalText(IStringLocalizer<SiteText> text, int goal) => text["CardGoal", LocalFormat.Number(goal)];

    // The share image is drawn in English for every language: its numbers would need a bidirectional layout in Arabic.
    public static string EnglishCountText(int signatures) =>
        signatures.ToString("N0", CultureInfo.InvariantCulture) + (signatures == 1 ? " signature" : " signatures");

    public static string EnglishGoalText(int goal) => "of " + goal.ToString("N0", CultureInfo.InvariantCulture) + " needed";
}
