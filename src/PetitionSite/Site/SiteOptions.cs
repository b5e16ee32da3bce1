namespace PetitionSite.Site;

// Bound from "Site".
public sealed class SiteOptions
{
    public const string Section = "Site";

    // The base of every link in an email, e.g. https://petitions.example.org.
    public string PublicUrl { get; set; } = "http://localhost:5000";

    public TimeSpan ConfirmationLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    // Who runs the site and answers for the personal data it keeps, named on /privacy; optional.
    public string? Operator { get; set; }

    // Where signers write about their personal data, shown on /privacy; optional.
    public string? ContactEmail { get; set; }

    public Uri PublicUri => new(PublicUrl.TrimEnd('/') + "/");

    public string LinkTo(string path) => new Uri(PublicUri, path.TrimStart('/')).ToString();
}
