using FluentValidation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PetitionSite.Email;
using PetitionSite.Languages;
using PetitionSite.Petitions;
using PetitionSite.Site;

namespace PetitionSite.Signing;

public sealed partial class SigningController(
    PetitionCatalog catalog,
    PetitionPageFactory pages,
    IValidator<SignatureForm> validator,
    ISignatureWriter writer,
    CanonicalMailbox mailbox,
    IAntiforgery antiforgery,
    SignaturesPerEmailLimit signaturesPerEmail,
    TimeProvider time,
    IStringLocalizer<SiteText> text,
    ILogger<SigningController> logger) : Controller
{
    [HttpPost("/petitions/{slug}/signatures")]
    [EnableRateLimiting(SigningRateLimits.PerClientPolicy)]
    [IgnoreAntiforgeryToken] // checked below, so that a stale form comes back with its input rather than as a bare 400
    [RequestFormLimits(ValueCountLimit = 64, KeyLengthLimit = 200)]
    public async Task<IActionResult> Sign(string slug, [FromForm(Name = "Form")] SignatureForm form, CancellationToken cancellationToken)
    {
        form = form.Normalized();
        var petition = await catalog.StatusAsync(slug, cancellationToken);
        if (petition is null)
        {
            return NotFound();
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return await FormAgainAsync(slug, form, StatusCodes.Status400BadRequest, text["FormExpired"], cancellationToken);
        }

        if (!petition.IsOpen)
        {
            var closed = text["PetitionClosed"] + (petition.ClosedAt is { } closedAt ? " " + text["ClosedOn", text.Moment(closedAt)] : "");
            return await FormAgainAsync(slug, form, StatusCodes.Status422UnprocessableEntity, closed, cancellationToken);
        }

        var validation = await validator.ValidateAsync(form, cancellationToken);
        foreach (var error in validation.Errors)
        {
            ModelState.AddModelError($"{nameof(PetitionPageModel.Form)}.{error.PropertyName}", error.ErrorMessage);
        }

        if (!ModelState.IsValid)
        {
            return await FormAgainAsync(slug, form, StatusCodes.Status422UnprocessableEntity, null, cancellationToken);
        }

        var signature = NewSignature.From(petition, form, mailbox, HttpContext.Connection.RemoteIpAddress, time.GetUtcNow().UtcDateTime);
        // Counted once the form is valid, so a typo costs nothing, and before anything is written or sent.
        using var permit = signaturesPerEmail.Attempt(signature.NormalizedEmail);
        if (!permit.IsAcquired)
        {
            return new TooManyRequestsResult(permit);
        }

        // After every check a person meets, the limits included, so a bot learns nothing from its answers: the same
        // page as a stored signature. No timing check beside it: the cached first-visit page shares one form token for
        // up to a minute, so a form's age cannot be told from its token.
        if (form.FilledByABot)
        {
            LogTrapped(logger, slug);
            return new SeeOtherResult(Url.Action(nameof(CheckYourEmail), new { slug })!);
        }

        var outcome = await writer.SignAsync(signature, cancellationToken);
        LogSigned(logger, slug, new EmailMask(signature.Email), outcome);

        // The same page whatever the outcome: only the mailbox learns whether the address had signed before.
        return new SeeOtherResult(Url.Action(nameof(CheckYourEmail), new { slug })!);
    }

    [HttpGet("/petitions/{slug}/signatures")]
    public IActionResult SignaturesPage(string slug) => RedirectToAction(nameof(PetitionsController.Show), "Petitions", new { slug }, "sign");

    [HttpGet("/petitions/{slug}/signed")]
    public async Task<IActionResult> CheckYourEmail(string slug, CancellationToken cancellationToken)
    {
        var petition = await catalog.FindAsync(slug, cancellationToken);
        return petition is null ? NotFound() : View(petition);
    }

    // The whole petition page again, with what was typed and why it was not accepted; only built when needed.
    private async Task<IActionResult> FormAgainAsync(string slug, SignatureForm form, int statusCode, string? problem, CancellationToken cancellationToken)
    {
        var page = await pages.CreateAsync(slug, cancellationToken, form, problem);
        if (page is null)
        {
            return NotFound();
        }

        var view = View("~/Views/Petitions/Show.cshtml", page);
        view.StatusCode = statusCode;
        return view;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signature for {Slug} from {Email}: {Outcome}")]
    private static partial void LogSigned(ILogger logger, string slug, EmailMask email, SigningOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signature for {Slug} dropped: the field hidden from people was filled in")]
    private static partial void LogTrapped(ILogger logger, string slug);
}
