using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PetitionSite.Languages;
using PetitionSite.Petitions;
using PetitionSite.Site;

namespace PetitionSite.Confirmation;

public sealed class ConfirmationController(SignatureConfirmer confirmer, PetitionCatalog catalog, IAntiforgery antiforgery, IStringLocalizer<SiteText> text) : Controller
{
    // Mail scanners open every link in an email, so opening the link only shows a button; pressing it confirms.
    [HttpGet("/signatures/confirm/{token}")]
    public async Task<IActionResult> Confirm(string token, CancellationToken cancellationToken)
    {
        var preview = await confirmer.PreviewAsync(token, cancellationToken);
        return preview.Status == ConfirmationStatus.AwaitingConfirmation
            ? View(new ConfirmPageModel(token, preview.Title!, preview.TitleLanguage))
            : Outcome(preview);
    }

    [HttpPost("/signatures/confirm/{token}")]
    [EnableRateLimiting(ConfirmationRateLimits.PerClientPolicy)]
    [IgnoreAntiforgeryToken] // checked below, so that a stale page offers the button again rather than a bare 400
    public async Task<IActionResult> ConfirmPost(string token, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            var preview = await confirmer.PreviewAsync(token, cancellationToken);
            if (preview.Status != ConfirmationStatus.AwaitingConfirmation)
            {
                return Outcome(preview);
            }

            return View("Confirm", new ConfirmPageModel(token, preview.Title!, preview.TitleLanguage, text["PageExpired"])).WithStatus(StatusCodes.Status400BadRequest);
        }

        var result = await confirmer.ConfirmAsync(token, cancellationToken);
        if (result.Status != ConfirmationStatus.Confirmed)
        {
            return Outcome(result);
        }

        return new SeeOtherResult(Url.Action(nameof(Thanks), new { slug = result.Slug })!);
    }

    [HttpGet("/petitions/{slug}/thanks")]
    public async Task<IActionResult> Thanks(string slug, CancellationToken cancellationToken)
    {
        var count = await catalog.CountAsync(slug, cancellationToken);
        return count is null ? NotFound() : View(count);
    }

    private ViewResult Outcome(ConfirmationResult result)
    {
        var view = View("Outcome", result);
        view.StatusCode = result.Status switch
        {
            ConfirmationStatus.Expired or ConfirmationStatus.PetitionClosed => StatusCodes.Status410Gone,
            ConfirmationStatus.Unknown => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status200OK,
        };
        return view;
    }
}
