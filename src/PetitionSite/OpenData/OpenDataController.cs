using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PetitionSite.Petitions;
using PetitionSite.Site;

namespace PetitionSite.OpenData;

// The numbers, open to everyone and every site (docs/open-data.md). Cached and evicted with the count they show,
// so a confirmation reaches them as fast as it reaches the page.
[ReadableByAnySite]
public sealed class OpenDataController(OpenNumbers numbers) : Controller
{
    [HttpGet("/petitions.json")]
    [OutputCache(PolicyName = PetitionPageCaching.CountPolicy)]
    public async Task<IActionResult> List(CancellationToken cancellationToken) =>
        Json(await numbers.ListAsync(cancellationToken));

    [HttpGet("/petitions/{slug}.json")]
    [OutputCache(PolicyName = PetitionPageCaching.CountPolicy)]
    public async Task<IActionResult> Petition(string slug, CancellationToken cancellationToken) =>
        await numbers.FindAsync(slug, cancellationToken) is { } petition
            ? Json(petition)
            : NotFound(new OpenDataError("No open or closed petition has this address."));
}
