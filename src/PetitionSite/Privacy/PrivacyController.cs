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
        View(new PrivacyPageModel(privacy.Value, site.Value.ConfirmationLinkLifetime, admin.Value.RequireTwoFactor, site.Value.Operator, site.Value.ContactEmail));
}
