using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PetitionSite.Languages;
using PetitionSite.Petitions;
using PetitionSite.Site;

namespace PetitionSite.Sharing;

public sealed class SharingController(ShareImages images, PetitionCatalog catalog, IOptions<SharingOptions> sharing, IOptions<SiteOptions> site, IStringLocalizer<SiteText> text) : Controller
{
    // Served from memory as drawn in the background; link-preview crawlers may keep it as long as it would stay unchanged.
    // In the address's language (/fr/petitions/{slug}/share.png), as the link it previews.
    [HttpGet("/petitions/{slug}/share.png")]
    public async Task<IActionResult> Image(string slug, CancellationToken cancellationToken)
    {
        var image = await images.FindAsync(slug, SiteLanguages.Current, cancellationToken);
        if (image is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "public, max-age=" + ((int)sharing.Value.ImageRefreshInterval.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return File(image.Png, "image/png", lastModified: null, entityTag: new EntityTagHeaderValue(image.ETag));
    }

    // Other sites show it in an <img> or read it from a script. Its words follow the address's language (/fr/…/badge.svg),
    // and the count policy keeps one copy per language.
    [HttpGet("/petitions/{slug}/badge.svg")]
    [OutputCache(PolicyName = PetitionPageCaching.CountPolicy)]
    public async Task<IActionResult> Badge(string slug, CancellationToken cancellationToken)
    {
        var card = await CardAsync(slug, cancellationToken);
        if (card is null)
        {
            return NotFound();
        }

        Response.Headers.AccessControlAllowOrigin = "*";
        Response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        return Content(ShareBadge.Svg(card, site.Value.Name, text), "image/svg+xml; charset=utf-8");
    }

    // A small card for partner sites to frame: the only page that may be framed.
    [HttpGet("/petitions/{slug}/embed")]
    [FramableByOtherSites]
    [OutputCache(PolicyName = PetitionPageCaching.PagePolicy)]
    public async Task<IActionResult> Embed(string slug, CancellationToken cancellationToken)
    {
        var card = await CardAsync(slug, cancellationToken);
        return card is null ? NotFound() : View(card);
    }

    private async Task<ShareCard?> CardAsync(string slug, CancellationToken cancellationToken) =>
        await catalog.CountAsync(slug, cancellationToken) is { } count
            ? ShareCard.Of(count)
            : null;
}
