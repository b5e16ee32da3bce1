using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using PetitionSite.Accounts;
using PetitionSite.Petitions;
using PetitionSite.Site;

namespace PetitionSite.Privacy;

public sealed class PrivacyController(IOptions<PrivacyOptions> privacy, IOptions<SiteOptions> site, IOptions<AdminOptions> admin) : Controller
{
    [HttpGet("/privacy")]
    [OutputCache(PolicyName = PetitionPageCaching.PagePolicy)]
    public IActionResult Index() =>
        View(new PrivacyPageModel(privacy.Value, site.Value.ConfirmationLinkLifetime, admin.Value.RequireTwoFactor, NullIfBlank(site.Value.Operator), NullIfBlank(site.Value.ContactEmail)));

    // An environment variable set to nothing reads as "", which means not set.
    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
