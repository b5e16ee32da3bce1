using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PetitionSite.Confirmation;
using PetitionSite.Site;

namespace PetitionSite.Unsubscribe;

public sealed class UnsubscribeController(UnsubscribeLinks links, KeepInformedConsent consent) : Controller
{
    // The one field RFC 8058 sends, and the value that says a person, not a link scanner, asked.
    private const string OneClickField = "List-Unsubscribe";
    private const string OneClickValue = "One-Click";

    // Mail scanners open every link, so opening it only shows a button; pressing it (or the mail client's own
    // unsubscribe button, RFC 8058) stops the emails.
    [HttpGet("/" + UnsubscribeLinks.PathPrefix + "{token}")]
    public async Task<IActionResult> Unsubscribe(string token, CancellationToken cancellationToken)
    {
        var title = links.TryRead(token, out var signatureId) ? await consent.PetitionTitleAsync(signatureId, cancellationToken) : null;
        return title is null ? NothingToUnsubscribe() : View(new UnsubscribePageModel(token, title));
    }

    // A mail provider posts "List-Unsubscribe=One-Click" with no cookie, so no form token can be asked for: the
    // unforgeable token in the address is the proof. It answers 200, not 303, since such posts follow no redirect.
    // RFC 8058 asks providers for multipart/form-data; the page's own button sends the usual url-encoded form. A part of
    // more than 1 KB is no one-click unsubscribe, and is refused before it is buffered.
    [HttpPost("/" + UnsubscribeLinks.PathPrefix + "{token}")]
    [EnableRateLimiting(ConfirmationRateLimits.PerClientPolicy)]
    [IgnoreAntiforgeryToken]
    [Consumes("multipart/form-data", "application/x-www-form-urlencoded")]
    [RequestFormLimits(ValueCountLimit = 8, KeyLengthLimit = 100, MultipartBodyLengthLimit = 1024)]
    public async Task<IActionResult> UnsubscribePost(string token, [FromForm(Name = OneClickField)] string? oneClick, CancellationToken cancellationToken)
    {
        if (!links.TryRead(token, out var signatureId))
        {
            return NothingToUnsubscribe();
        }

        if (!string.Equals(oneClick, OneClickValue, StringComparison.Ordinal))
        {
            var title = await consent.PetitionTitleAsync(signatureId, cancellationToken);
            if (title is null)
            {
                return NothingToUnsubscribe();
            }

            return View("Unsubscribe", new UnsubscribePageModel(token, title, NothingChanged: true)).WithStatus(StatusCodes.Status400BadRequest);
        }

        // A signature already gone gets no more email either: the answer is the same.
        await consent.WithdrawAsync(signatureId, cancellationToken);
        return View("Unsubscribed");
    }

    private ViewResult NothingToUnsubscribe() =>
        View("NothingToUnsubscribe").WithStatus(StatusCodes.Status404NotFound);
}
