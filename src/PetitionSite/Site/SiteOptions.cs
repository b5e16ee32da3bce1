using Microsoft.Extensions.FileProviders;

namespace PetitionSite.Site;

// Bound from "Site".
public sealed class SiteOptions
{
    public const string Section = "Site";

    // The base of every link in an email, e.g. https://petitions.example.org.
    public string PublicUrl { get; set; } = "http://localhost:5000";

    // The organisation's name for the site: page titles, the header, link previews and share images.
    public string Name { get; set; } = "PetitionSite";

    // A logo shown in the header beside the name, as a path under wwwroot such as "img/logo.svg"; none when empty.
    public string? LogoPath { get; set; }

    public TimeSpan ConfirmationLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    // Who runs the site and answers for the personal data it keeps, named on /privacy; optional.
    public string? Operator { get; set; }

    // Where signers write about their personal data, shown on /privacy; optional.
    public string? ContactEmail { get; set; }

    public Uri PublicUri => new(PublicUrl.TrimEnd('/') + "/");

    public string? LogoUrl => string.IsNullOrEmpty(LogoPath) ? null : "/" + LogoPath.TrimStart('/');

    public static bool IsFileUnder(IFileProvider root, string path) =>
        !path.Contains("..", StringComparison.Ordinal) && root.GetFileInfo(path.TrimStart('/')) is { Exists: true, IsDirectory: false };

    public string LinkTo(string path) => new Uri(PublicUri, path.TrimStart('/')).ToString();
}
