using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

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
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var page = await pages.CreateAsync(slug, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("/petitions/{slug}/count.json")]
    [OutputCache(PolicyName = PetitionPageCaching.CountPolicy)]
    public async Task<IActionResult> Count(string slug, CancellationToken cancellationToken)
    {
        var count = await catalog.CountAsync(slug, cancellationToken);
        return count is null ? NotFound() : Json(count);
    }
}
