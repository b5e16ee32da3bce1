using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PetitionSite.Accounts;
using PetitionSite.Admin.Moderation;
using PetitionSite.Site;

namespace PetitionSite.Admin.FraudReview;

// Where a petition's recent signatures come from, and invalidating a batch of them by network, email domain and time.
// Client networks and domains are personal data, so admins only, with a second factor.
[Authorize(Policy = AccessPolicies.Admin)]
[RequireTwoFactor]
public sealed class FraudReviewController(
    FraudReviewQueries queries,
    SignatureModeration moderation,
    IValidator<BulkInvalidationForm> validator,
    IOptionsMonitor<FraudReviewOptions> options) : BackOfficeController
{
    private const int SampleSize = 20;

    // Network, Domain, From and To in the query fill in the bulk form, as the flagged rows' links do.
    [HttpGet("/admin/petitions/{slug}/review")]
    public async Task<IActionResult> Index(string slug, [FromQuery] BulkInvalidationForm prefill, string? done, int? changed, CancellationToken cancellationToken)
    {
        var report = await queries.ReviewAsync(slug, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        var form = new BulkInvalidationForm { Network = prefill.Network, Domain = prefill.Domain, From = prefill.From, To = prefill.To };
        return View(new FraudReviewPageModel(report, form, new Dictionary<string, string>(), NoticeOf(done, changed), options.CurrentValue));
    }

    [HttpPost("/admin/petitions/{slug}/review/invalidate")]
    public async Task<IActionResult> Invalidate(string slug, [FromForm] BulkInvalidationForm form, CancellationToken cancellationToken)
    {
        form = form.Normalized();
        var petition = await queries.FindAsync(slug, cancellationToken);
        if (petition is null)
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            var problems = new Dictionary<string, string>();
            foreach (var error in validation.Errors)
            {
                problems.TryAdd(error.PropertyName, error.ErrorMessage);
            }

            var report = await queries.ReviewAsync(slug, cancellationToken);
            if (report is null)
            {
                return NotFound();
            }

            return View(nameof(Index), new FraudReviewPageModel(report, form, problems, null, options.CurrentValue)).WithStatus(StatusCodes.Status422UnprocessableEntity);
        }

        var search = form.ToSearch();
        // A confirmation names the preview it confirms (UpTo): without one, this is a preview.
        if (!form.Confirmed || form.UpTo is null)
        {
            search.UpTo = null;
            var preview = await moderation.PreviewAsync(petition.Id, new ChosenSignatures(search, null), ModerationChange.Invalidate, cancellationToken);
            search.UpTo = preview.NewestId ?? 0;
            var sample = await moderation.SampleAsync(petition.Id, new ChosenSignatures(search, null), ModerationChange.Invalidate, SampleSize, cancellationToken);
            var review = $"/admin/petitions/{slug}/review";
            return View("~/Views/Moderation/ConfirmChange.cshtml", new ConfirmChangePageModel(
                slug, petition.Title, ModerationChange.Invalidate, search, new BulkChangeForm { Scope = "all", Reason = form.Reason }, preview)
            {
                FormAction = review + "/invalidate",
                BackLink = review + search.ToQueryString() + "#bulk",
                BackText = "Back to the fraud review",
                Sample = sample,
            });
        }

        var result = await moderation.ApplyAsync(petition.Id, slug, new ChosenSignatures(search, null), ModerationChange.Invalidate, form.Reason, Actor, cancellationToken);
        return new SeeOtherResult($"/admin/petitions/{slug}/review?done=invalidated&changed={result.Signatures.ToString(CultureInfo.InvariantCulture)}");
    }

    private static string? NoticeOf(string? done, int? changed) => done == "invalidated"
        ? $"{Math.Max(0, changed ?? 0).ToString("N0", CultureInfo.InvariantCulture)} signatures invalidated. Confirmed ones have left the public count; the audit log records the change."
        : null;
}
