using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PetitionSite.Admin.Audit;
using PetitionSite.Email;
using PetitionSite.Site;

namespace PetitionSite.Accounts;

// Signing in and out of the back office. Works without JavaScript; nothing here registers anyone.
[AllowAnonymous]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed partial class AccountController(
    SignInManager<IdentityUser> signIn,
    UserManager<IdentityUser> users,
    AuditLog audit,
    SignInsPerAccountLimit signInsPerAccount,
    ILogger<AccountController> logger) : Controller
{
    private const string WrongCredentials = "The email address or the password is not right.";
    private const string LockedOut = "Too many failed attempts: this account is locked for 15 minutes. Try again later.";

    [HttpGet(AccountsServiceCollectionExtensions.LoginPath)]
    public IActionResult Login(string? returnUrl) => View(new LoginPageModel(null, returnUrl));

    [HttpPost(AccountsServiceCollectionExtensions.LoginPath)]
    [EnableRateLimiting(SignInRateLimits.PerClientPolicy)]
    public async Task<IActionResult> Login([FromForm] LoginForm form, string? returnUrl)
    {
        var email = form.Email?.Trim();
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(form.Password))
        {
            return Again(new LoginPageModel(email, returnUrl, "Enter your email address and your password."));
        }

        // Refused before the password is checked: nothing is recorded and the account's failure count does not move.
        using var permit = signInsPerAccount.Attempt(users.NormalizeEmail(email));
        if (!permit.IsAcquired)
        {
            return new TooManyRequestsResult(permit);
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Spend the time a real check takes, so the answer's speed does not tell which addresses have accounts.
            users.PasswordHasher.VerifyHashedPassword(new IdentityUser(), UnknownUserHash, form.Password);
            await audit.RecordAsync(null, AuditAction.SignInFailed, null, $"Unknown account {new EmailMask(email)}");
            return Again(new LoginPageModel(email, returnUrl, WrongCredentials));
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return new SeeOtherResult(Url.Action(nameof(LoginWithTwoFactor), new { returnUrl })!);
        }

        if (result.Succeeded)
        {
            await audit.RecordAsync(user.Email, AuditAction.SignedIn, null, "Password");
            return new SeeOtherResult(LocalOrBackOffice(returnUrl));
        }

        await audit.RecordAsync(user.Email, result.IsLockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed, null, "Password");
        LogFailed(logger, new EmailMask(email), result.IsLockedOut);
        return Again(new LoginPageModel(email, returnUrl, result.IsLockedOut ? LockedOut : WrongCredentials));
    }

    [HttpGet("/account/login/two-factor")]
    public async Task<IActionResult> LoginWithTwoFactor(string? returnUrl, bool recovery = false) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? new SeeOtherResult(Url.Action(nameof(Login), new { returnUrl })!)
            : View(new TwoFactorLoginPageModel(returnUrl, recovery));

    [HttpPost("/account/login/two-factor")]
    [EnableRateLimiting(SignInRateLimits.PerClientPolicy)]
    public async Task<IActionResult> LoginWithTwoFactor([FromForm] TwoFactorLoginForm form, string? returnUrl)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            // The password step has expired (it lasts five minutes): start again.
            return new SeeOtherResult(Url.Action(nameof(Login), new { returnUrl })!);
        }

        var code = new string((form.Code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (code.Length == 0)
        {
            return TwoFactorAgain(new TwoFactorLoginPageModel(returnUrl, form.UseRecoveryCode, form.UseRecoveryCode ? "Enter one of your recovery codes." : "Enter the 6-digit code from your authenticator app."));
        }

        using var permit = signInsPerAccount.Attempt(user.NormalizedEmail ?? user.Id);
        if (!permit.IsAcquired)
        {
            return new TooManyRequestsResult(permit);
        }

        var result = form.UseRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(form.Code!.Trim())
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.RecordAsync(user.Email, AuditAction.SignedIn, null, form.UseRecoveryCode ? "Password and recovery code" : "Password and authenticator code");
            return new SeeOtherResult(LocalOrBackOffice(returnUrl));
        }

        await audit.RecordAsync(user.Email, result.IsLockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed, null, "Second factor");
        return TwoFactorAgain(new TwoFactorLoginPageModel(returnUrl, form.UseRecoveryCode, result.IsLockedOut ? LockedOut : "That code is not right. Codes change every 30 seconds: try the current one."));
    }

    [HttpPost("/account/logout")]
    public async Task<IActionResult> Logout()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(User.Identity.Name, AuditAction.SignedOut, null, "");
        }

        await signIn.SignOutAsync();
        return new SeeOtherResult(Url.Action(nameof(Login))!);
    }

    // Only addresses on this site: a link such as /account/login?returnUrl=https://evil.example must not send anyone away.
    private string LocalOrBackOffice(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : "/admin";

    private ViewResult Again(LoginPageModel model) =>
        View(nameof(Login), model).WithStatus(StatusCodes.Status422UnprocessableEntity);

    private ViewResult TwoFactorAgain(TwoFactorLoginPageModel model) =>
        View(nameof(LoginWithTwoFactor), model).WithStatus(StatusCodes.Status422UnprocessableEntity);

    // A hash of a password nobody knows, in Identity's own format, to check unknown accounts against.
    private static readonly string UnknownUserHash = new PasswordHasher<IdentityUser>().HashPassword(new IdentityUser(), Guid.NewGuid().ToString());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in for {Email}; locked out: {LockedOut}")]
    private static partial void LogFailed(ILogger logger, EmailMask email, bool lockedOut);
}
