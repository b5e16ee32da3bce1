using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PetitionSite.Accounts;
using PetitionSite.Site;

namespace PetitionSite.Admin.Petitions;

// Every slug is [FromRoute]: MVC reads form fields first, so a form field named slug must not pick another petition.
[Authorize(Policy = AccessPolicies.Admin)]
public sealed class PetitionLifecycleController(PetitionLifecycle lifecycle, PetitionEditor editor) : BackOfficeController
{
    [HttpPost("/admin/petitions/{slug}/open")]
    public async Task<IActionResult> Open([FromRoute] string slug, CancellationToken cancellationToken) =>
        await AfterAsync(slug, "opened", await lifecycle.OpenAsync(slug, Actor, cancellationToken), cancellationToken);

    [HttpPost("/admin/petitions/{slug}/close")]
    public async Task<IActionResult> Close([FromRoute] string slug, CancellationToken cancellationToken) =>
        await AfterAsync(slug, "closed", await lifecycle.CloseAsync(slug, Actor, cancellationToken), cancellationToken);

    [HttpPost("/admin/petitions/{slug}/reopen")]
    public async Task<IActionResult> Reopen([FromRoute] string slug, CancellationToken cancellationToken) =>
        await AfterAsync(slug, "reopened", await lifecycle.ReopenAsync(slug, Actor, cancellationToken), cancellationToken);

    [HttpGet("/admin/petitions/{slug}/reject")]
    public async Task<IActionResult> Reject(string slug, CancellationToken cancellationToken)
    {
        var petition = await editor.FindAsync(slug, cancellationToken);
        return petition is null ? NotFound() : View(new RejectionPage(petition.Slug, petition.Title));
    }

    [HttpPost("/admin/petitions/{slug}/reject")]
    public async Task<IActionResult> Reject([FromRoute] string slug, [FromForm] string? reason, CancellationToken cancellationToken)
    {
        reason = reason?.Trim();
        var problem = string.IsNullOrEmpty(reason) ? "Enter the reason for rejecting this petition"
            : reason.Length > PetitionLifecycle.ReasonLength ? $"The reason must be {PetitionLifecycle.ReasonLength} characters or fewer"
            : null;
        if (problem is not null)
        {
            var petition = await editor.FindAsync(slug, cancellationToken);
            if (petition is null)
            {
                return NotFound();
            }

            return View(new RejectionPage(petition.Slug, petition.Title, reason, problem)).WithStatus(StatusCodes.Status422UnprocessableEntity);
        }

        return await AfterAsync(slug, "rejected", await lifecycle.RejectAsync(slug, reason!, Actor, cancellationToken), cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(string slug, string change, TransitionOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome == TransitionOutcome.Done)
        {
            return new SeeOtherResult($"/admin/petitions/{slug}/edit");
        }

        var petition = outcome == TransitionOutcome.NotAllowed ? await editor.FindAsync(slug, cancellationToken) : null;
        if (petition is null)
        {
            return NotFound();
        }

        return View("NotAllowed", new NotAllowedPage(slug, change, petition.State)).WithStatus(StatusCodes.Status409Conflict);
    }
}
