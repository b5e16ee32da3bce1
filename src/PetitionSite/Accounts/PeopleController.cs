using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PetitionSite.Site;

namespace PetitionSite.Accounts;

// Admins see who has access to the back office and invite organisers by email.
[Authorize(Policy = AccessPolicies.Admin)]
public sealed class PeopleController(StaffDirectory directory, IValidator<InvitationForm> validator, OrganiserInviter inviter, TimeProvider time) : BackOfficeController
{
    private const string Path = "/admin/people";
    private const string NoticeKey = "people-notice";

    [HttpGet(Path)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await PageAsync(null, null, TempData[NoticeKey] as string, cancellationToken));

    [HttpPost(Path)]
    public async Task<IActionResult> Invite([FromForm] InvitationForm form, CancellationToken cancellationToken)
    {
        var email = form.Email?.Trim();
        var validation = await validator.ValidateAsync(new InvitationForm { Email = email }, cancellationToken);
        if (!validation.IsValid)
        {
            return await AgainAsync(email, validation.Errors[0].ErrorMessage, cancellationToken);
        }

        var (outcome, problems) = await inviter.InviteAsync(email!, Actor, cancellationToken);
        if (outcome == InvitationOutcome.AlreadyHasAccount)
        {
            return await AgainAsync(email, problems.Count > 0 ? string.Join(" ", problems) : $"{email} already has an account: there is nothing to invite. To give it a petition, use that petition's organisers page.", cancellationToken);
        }

        TempData[NoticeKey] = outcome == InvitationOutcome.InvitedAgain
            ? $"A new invitation is on its way to {email}. The link in the earlier email no longer works."
            : $"An invitation is on its way to {email}. Their link works for {(int)Invitation.Lifetime.TotalHours} hours.";
        return new SeeOtherResult(Path);
    }

    private async Task<ViewResult> AgainAsync(string? email, string problem, CancellationToken cancellationToken) =>
        View(nameof(Index), await PageAsync(email, problem, null, cancellationToken)).WithStatus(StatusCodes.Status422UnprocessableEntity);

    private async Task<PeoplePageModel> PageAsync(string? email, string? problem, string? notice, CancellationToken cancellationToken) =>
        new(await directory.ListAsync(cancellationToken), await directory.PetitionsAsync(cancellationToken), time.GetUtcNow().UtcDateTime, email, problem, notice);
}
