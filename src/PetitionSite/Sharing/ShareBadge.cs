using System.Globalization;
using System.Security;

namespace PetitionSite.Sharing;

// The badge partner sites and newsletters show: the count and a progress bar, drawn with presentation attributes only
// (no <style>, which the site's CSP would block when the badge is opened on its own).
public static class ShareBadge
{
    private const int Width = 280;
    private const int BarWidth = 252;

    public static string Svg(ShareCard card, string siteName)
    {
        var label = Escape($"{card.Title}: {ShareCard.CountText(card.Signatures)} {ShareCard.GoalText(card.Goal)}");
        var filled = card.Signatures <= 0 ? 0 : Math.Max(8, (int)Math.Round(BarWidth * card.Progress));
        var bar = filled == 0 ? "" : $"<rect x=\"14\" y=\"54\" width=\"{filled.ToString(CultureInfo.InvariantCulture)}\" height=\"8\" rx=\"4\" fill=\"#0b5c2f\"/>";
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="72" viewBox="0 0 {Width} 72" role="img" aria-labelledby="badge-title"><title id="badge-title">{label}</title><rect x="1" y="1" width="{Width - 2}" height="70" rx="6" fill="#f3f5f2" stroke="#0b5c2f" stroke-width="2"/><g font-family="'Noto Sans',Arial,Helvetica,sans-serif"><text x="14" y="28" font-size="20" font-weight="700" fill="#1b1b1b">{Escape(ShareCard.CountText(card.Signatures))}</text><text x="14" y="46" font-size="13" fill="#4a4a4a">{Escape(ShareCard.GoalText(card.Goal))} · {Escape(siteName)}</text></g><rect x="14" y="54" width="{BarWidth}" height="8" rx="4" fill="#d5dcd3"/>{bar}</svg>
            """;
    }

    private static string Escape(string text) => SecurityElement.Escape(text);
}
