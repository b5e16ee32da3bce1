using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PetitionSite.Signing;
using PetitionSite.Site;

namespace PetitionSite.Petitions;

public sealed class PetitionsController(PetitionCatalog catalog, PetitionPageFactory pages) : Controller
{
    [HttpGet("/")]
    [HttpGet("/petitions")]
    [OutputCache(PolicyName = PetitionPageCaching.PagePolicy)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await catalog.ListPublicAsync(cancellationToken));

    [HttpGet("/petitions/{slug}")]
    [OutputCache(PolicyName = PetitionPageCaching.PagePolicy)]
    public async Task<IActionResult> Show(string slug, string? source, CancellationToken cancellationToken)
    {
        // The channel a link names (`?source=newsletter`) rides through the form to the signature; the cache keeps a copy per cleaned value.
        var form = new SignatureForm { Source = SignatureSource.Clean(source) };
        var page = await pages.CreateAsync(slug, cancellationToken, form);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("/petitions/{slug}/count.json")]
    [OutputCache(PolicyName = PetitionPageCaching.CountPolicy)]
    [ReadableByAnySite]
    public async Task<IActionResult> Count(string slug, CancellationToken cancellationToken)
    {
        var count = await catalog.CountAsync(slug, cancellationToken);
        return count is null ? NotFound() : Json(count);
    }
}
