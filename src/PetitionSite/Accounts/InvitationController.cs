using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PetitionSite.Admin.Audit;
using PetitionSite.Data;
using PetitionSite.Site;

namespace PetitionSite.Accounts;

// The link in an invitation email: the invited organiser chooses a password, once, before the link expires.
[AllowAnonymous]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class InvitationController(
    PetitionsDbContext db,
    UserManager<IdentityUser> users,
    SignInManager<IdentityUser> signIn,
    AuditLog audit,
    IOptions<AdminOptions> admin,
    TimeProvider time) : Controller
{
    private const string Path = "/account/invitation/{token}";

    [HttpGet(Path)]
    public async Task<IActionResult> Accept(string token, CancellationToken cancellationToken)
    {
        var (invitation, unavailable) = await FindAsync(token, cancellationToken);
        return unavailable ?? View(new AcceptInvitationPageModel(token, invitation!.Email, []));
    }

    [HttpPost(Path)]
    public async Task<IActionResult> Accept(string token, [FromForm] AcceptInvitationForm form, CancellationToken cancellationToken)
    {
        var (invitation, unavailable) = await FindAsync(token, cancellationToken);
        if (unavailable is not null)
        {
            return unavailable;
        }

        var user = await users.FindByIdAsync(invitation!.UserId);
        if (user is null)
        {
            return Unavailable(StatusCodes.Status404NotFound, "This invitation is not valid", "Its account no longer exists. Ask an admin of this site to invite you again.");
        }

        var password = form.Password ?? "";
        if (password.Length == 0)
        {
            return Again(new AcceptInvitationPageModel(token, invitation.Email, ["Choose a password."]));
        }

        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            problems.AddRange(result.Errors.Select(e => e.Description));
        }

        var confirmProblem = password == form.ConfirmPassword ? null : "The two passwords are not the same. Type the same password twice.";
        if (problems.Count > 0 || confirmProblem is not null)
        {
            return Again(new AcceptInvitationPageModel(token, invitation.Email, problems, confirmProblem));
        }

        user.EmailConfirmed = true;
        var added = await users.AddPasswordAsync(user, password);
        if (!added.Succeeded)
        {
            return Again(new AcceptInvitationPageModel(token, invitation.Email, added.Errors.Select(e => e.Description).ToList()));
        }

        invitation.AcceptedAt = time.GetUtcNow().UtcDateTime;
        audit.Add(db, user.Email, AuditAction.InvitationAccepted, null, $"Invited by {invitation.InvitedBy}");
        await db.SaveChangesAsync(cancellationToken);

        await signIn.SignInAsync(user, isPersistent: false);
        // Straight to setting up the second factor when the site asks for one: it is the next thing they will need.
        return new SeeOtherResult(admin.Value.RequireTwoFactor ? RequireTwoFactorAttribute.EnrolPath + "?returnUrl=%2Fadmin" : "/admin");
    }

    private async Task<(Invitation? Invitation, ViewResult? Unavailable)> FindAsync(string token, CancellationToken cancellationToken)
    {
        var invitation = OneTimeTokens.TryHash(token, out var hash)
            ? await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken)
            : null;
        if (invitation is null)
        {
            return (null, Unavailable(StatusCodes.Status404NotFound, "This invitation link is not valid",
                "Check that you copied the whole link from the email. If you were invited again, only the link in the latest email works."));
        }

        if (invitation.AcceptedAt is not null)
        {
            return (null, Unavailable(StatusCodes.Status410Gone, "This invitation has already been used",
                "Your account is ready: sign in with the password you chose."));
        }

        if (invitation.ExpiresAt <= time.GetUtcNow().UtcDateTime)
        {
            return (null, Unavailable(StatusCodes.Status410Gone, "This invitation has expired",
                $"Invitation links work for {(int)Invitation.Lifetime.TotalHours} hours. Ask {invitation.InvitedBy ?? "an admin of this site"} to invite you again: you will get a new link."));
        }

        return (invitation, null);
    }

    private ViewResult Unavailable(int status, string title, string explanation)
    {
        var view = View("Unavailable", new InvitationUnavailablePageModel(title, explanation));
        view.StatusCode = status;
        return view;
    }

    private ViewResult Again(AcceptInvitationPageModel model) =>
        View(nameof(Accept), model).WithStatus(StatusCodes.Status422UnprocessableEntity);
}
