using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PetitionSite.Confirmation;
using PetitionSite.Site;

namespace PetitionSite.Withdrawal;

public sealed class WithdrawalController(SignatureWithdrawal withdrawal, IAntiforgery antiforgery) : Controller
{
    // Mail scanners open every link in an email, so opening the link only shows a button; pressing it withdraws.
    [HttpGet("/signatures/withdraw/{token}")]
    public async Task<IActionResult> Withdraw(string token, CancellationToken cancellationToken)
    {
        var preview = await withdrawal.PreviewAsync(token, cancellationToken);
        return preview is null ? NothingToWithdraw() : View(new WithdrawPageModel(token, preview));
    }

    [HttpPost("/signatures/withdraw/{token}")]
    [EnableRateLimiting(ConfirmationRateLimits.PerClientPolicy)]
    [IgnoreAntiforgeryToken] // checked below, so that a stale page offers the button again rather than a bare 400
    public async Task<IActionResult> WithdrawPost(string token, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            var preview = await withdrawal.PreviewAsync(token, cancellationToken);
            if (preview is null)
            {
                return NothingToWithdraw();
            }

            return View("Withdraw", new WithdrawPageModel(token, preview, PageExpired: true)).WithStatus(StatusCodes.Status400BadRequest);
        }

        return await withdrawal.WithdrawAsync(token, cancellationToken)
            ? new SeeOtherResult(Url.Action(nameof(Withdrawn))!)
            : NothingToWithdraw();
    }

    [HttpGet("/signatures/withdrawn")]
    public IActionResult Withdrawn() => View();

    // An unknown link and a used one look the same: the signature they named is gone either way.
    private ViewResult NothingToWithdraw() =>
        View("NothingToWithdraw").WithStatus(StatusCodes.Status404NotFound);
}
