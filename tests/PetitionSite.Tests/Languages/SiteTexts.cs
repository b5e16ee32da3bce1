using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PetitionSite.Languages;

namespace PetitionSite.Tests.Languages;

// The site's real texts, read from its resources as the site reads them.
public static class SiteTexts
{
    public static IStringLocalizer<SiteText> Create() => For<SiteText>();

    // Another set of the site's texts, such as EmailText.
    public static IStringLocalizer<T> For<T>() =>
        new StringLocalizer<T>(new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));
}
