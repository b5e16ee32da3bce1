using System.Globalization;
using System.Security;
using Microsoft.Extensions.Localization;
using PetitionSite.Languages;

namespace PetitionSite.Sharing;

// The badge partner sites and newsletters show: the count and a progress bar, drawn with presentation attributes only
// (no <style>, which the site's CSP would block when the badge is opened on its own). In the language of its address
// (/fr/petitions/{slug}/badge.svg), right to left in Arabic, bar included.
public static class ShareBadge
{
    private const int Width = 280;
    private const int BarWidth = 252;
    private const int Inset = 14;

    public static string Svg(ShareCard card, string siteName, IStringLocalizer<SiteText> text)
    {
        var culture = CultureInfo.CurrentUICulture;
        var rightToLeft = culture.TextInfo.IsRightToLeft;
        var count = ShareCard.CountText(text, card.Signatures);
        var goal = ShareCard.GoalText(text, card.Goal);
        var label = Escape($"{card.Title}: {count} {goal}");
        var filled = card.Signatures <= 0 ? 0 : Math.Max(8, (int)Math.Round(BarWidth * card.Progress));
        var barStart = rightToLeft ? Inset + BarWidth - filled : Inset;
        var bar = filled == 0 ? "" : $"<rect x=\"{Number(barStart)}\" y=\"54\" width=\"{Number(filled)}\" height=\"8\" rx=\"4\" fill=\"#0b5c2f\"/>";
        // With direction="rtl", text-anchor "start" is the right end of the text, so x names the right edge.
        var textStart = Number(rightToLeft ? Width - Inset : Inset);
        var direction = rightToLeft ? " direction=\"rtl\"" : "";
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" xml:lang="{culture.TwoLetterISOLanguageName}" width="{Width}" height="72" viewBox="0 0 {Width} 72" role="img" aria-labelledby="badge-title"><title id="badge-title">{label}</title><rect x="1" y="1" width="{Width - 2}" height="70" rx="6" fill="#f3f5f2" stroke="#0b5c2f" stroke-width="2"/><g font-family="'Noto Sans','Noto Sans Arabic',Arial,Helvetica,sans-serif"{direction}><text x="{textStart}" y="28" font-size="20" font-weight="700" fill="#1b1b1b">{Escape(count)}</text><text x="{textStart}" y="46" font-size="13" fill="#4a4a4a">{Escape(goal)} · {Escape(siteName)}</text></g><rect x="{Inset}" y="54" width="{BarWidth}" height="8" rx="4" fill="#d5dcd3"/>{bar}</svg>
            """;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => SecurityElement.Escape(text);
}
