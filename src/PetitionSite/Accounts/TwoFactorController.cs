using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PetitionSite.Admin.Audit;
using PetitionSite.Site;

namespace PetitionSite.Accounts;

// Setting up, renewing and resetting one's own authenticator app. Any signed-in admin or organiser.
public sealed class TwoFactorController(
    UserManager<IdentityUser> users,
    SignInManager<IdentityUser> signIn,
    AuditLog audit) : BackOfficeController
{
    private const string EnrolPath = RequireTwoFactorAttribute.EnrolPath;
    private const string RecoveryCodesKey = "recovery-codes";
    private const int RecoveryCodeCount = 10;

    [HttpGet(EnrolPath)]
    public async Task<IActionResult> Index(string? returnUrl)
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : View(await PageAsync(user, returnUrl));
    }

    [HttpPost(EnrolPath)]
    public async Task<IActionResult> Enable([FromForm] string? code, string? returnUrl, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return new SeeOtherResult(PathWith(EnrolPath, returnUrl));
        }

        var digits = new string((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (digits.Length == 0)
        {
            return Again(await PageAsync(user, returnUrl, "Enter the 6-digit code from your authenticator app."));
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            return Again(await PageAsync(user, returnUrl, "That code is not right. Check that the app shows this site's key, and enter the code it shows now: codes change every 30 seconds."));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await audit.RecordAsync(Actor, AuditAction.TwoFactorEnabled, null, "Authenticator app", cancellationToken);
        // The sign-in cookie carries the security stamp Identity just changed; without this the person would be signed out.
        await signIn.RefreshSignInAsync(user);
        return RecoveryCodes(codes, returnUrl);
    }

    // Shown once: the codes travel in the next request's temporary data, never stored anywhere readable.
    [HttpGet(EnrolPath + "/recovery-codes")]
    public IActionResult RecoveryCodes(string? returnUrl) =>
        TempData[RecoveryCodesKey] is string codes
            ? View(new RecoveryCodesPageModel(codes.Split(' '), Url.IsLocalUrl(returnUrl) ? returnUrl : EnrolPath))
            : new SeeOtherResult(PathWith(EnrolPath, returnUrl));

    [HttpPost(EnrolPath + "/recovery-codes")]
    public async Task<IActionResult> NewRecoveryCodes(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return new SeeOtherResult(EnrolPath);
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await audit.RecordAsync(Actor, AuditAction.TwoFactorReset, null, "New recovery codes; the earlier ones no longer work", cancellationToken);
        return RecoveryCodes(codes, null);
    }

    [HttpPost(EnrolPath + "/reset")]
    public async Task<IActionResult> Reset([FromForm] bool confirm, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!confirm)
        {
            return Again(await PageAsync(user, null, "Tick the box to confirm that you want to turn two-factor sign-in off and set it up again."));
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordAsync(Actor, AuditAction.TwoFactorReset, null, "Second factor turned off; a new key was made", cancellationToken);
        await signIn.RefreshSignInAsync(user);
        return new SeeOtherResult(EnrolPath);
    }

    private SeeOtherResult RecoveryCodes(IEnumerable<string>? codes, string? returnUrl)
    {
        TempData[RecoveryCodesKey] = string.Join(' ', codes ?? []);
        return new SeeOtherResult(PathWith(EnrolPath + "/recovery-codes", returnUrl));
    }

    private async Task<TwoFactorPageModel> PageAsync(IdentityUser user, string? returnUrl, string? problem = null)
    {
        var local = Url.IsLocalUrl(returnUrl) ? returnUrl : null;
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return new TwoFactorPageModel(true, local, RecoveryCodesLeft: await users.CountRecoveryCodesAsync(user), Problem: problem);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        return new TwoFactorPageModel(false, local, AuthenticatorSetup.For(user.Email!, key), Problem: problem);
    }

    private ViewResult Again(TwoFactorPageModel model) =>
        View(nameof(Index), model).WithStatus(StatusCodes.Status422UnprocessableEntity);

    private string PathWith(string path, string? returnUrl) =>
        Url.IsLocalUrl(returnUrl) ? $"{path}?returnUrl={Uri.EscapeDataString(returnUrl)}" : path;
}
