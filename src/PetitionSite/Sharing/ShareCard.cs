using Microsoft.Extensions.Localization;
using PetitionSite.Languages;
using PetitionSite.Petitions;

namespace PetitionSite.Sharing;

// What a share image, a badge and an embedded card show about a petition.
public sealed record ShareCard(string Slug, string Title, int Signatures, int Goal, bool Open, string TitleLanguage = SiteLanguages.Default)
{
    public const int Width = 1200;
    public const int Height = 630;

    // The card for a petition's count as a page in the current language reads it.
    public static ShareCard Of(PetitionCount count) =>
        new(count.Slug, count.Title, count.Signatures, count.Goal, count.Open, count.TitleLanguage);

    // How far toward the goal, from 0 to 1.
    public double Progress => Goal <= 0 ? 1 : Math.Clamp((double)Signatures / Goal, 0, 1);

    // "1,234 signatures" in the page's language, with its digits.
    public static string CountText(IStringLocalizer<SiteText> text, int signatures) =>
        text[LocalFormat.Plural("CardCount", signatures), LocalFormat.Number(signatures)];

    public static string GoalText(IStringLocalizer<SiteText> text, int goal) => text["CardGoal", LocalFormat.Number(goal)];

    // The share image's count line, a number before its noun: Arabic needs the noun's form for the number (CLDR's plural rules).
    public static string ImageCountText(IStringLocalizer<SiteText> text, int signatures) =>
        text[LocalFormat.CountKey("ShareImageCount", signatures), LocalFormat.Number(signatures)];
}
