using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace PetitionSite.Accounts;

// Every back-office page: signed-in admins and organisers only, never stored by any cache, every POST antiforgery-checked
// (the site-wide filter). Controllers narrow the policy further where a page is for admins or one petition's organisers.
[Authorize(Policy = AccessPolicies.BackOffice)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class BackOfficeController : Controller
{
    // The signed-in person's email, as the audit log names them.
    protected string Actor => User.Identity?.Name ?? "unknown";
}
