using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using PetitionSite.Languages;
using PetitionSite.Petitions;
using PetitionSite.Site;

namespace PetitionSite.Sharing;

// What search engines may read: the public petitions, never the back office or a supporter's own links.
public sealed class SearchEnginesController(PetitionCatalog catalog, IOptions<SiteOptions> site) : Controller
{
    [HttpGet("/robots.txt")]
    [OutputCache(PolicyName = PetitionPageCaching.PagePolicy)]
    public IActionResult Robots() => Content(
        $"""
        User-agent: *
        Allow: /
        Disallow: /admin
        Disallow: /account
        {string.Join("\n", PrivatePaths.SelectMany(path => SiteLanguages.All.Select(language => $"Disallow: /{language}{path}").Prepend($"Disallow: {path}")))}
        Sitemap: {site.Value.LinkTo("sitemap.xml")}

        """,
        "text/plain; charset=utf-8");

    // A supporter's own links and the error pages, at their plain address and under each language.
    private static readonly string[] PrivatePaths = ["/signatures/", "/petitions/*/signed", "/petitions/*/thanks", "/error"];

    // Every open petition and the list, at each of their addresses: the plain one (x-default, which follows the
    // browser's language) and one per language, each naming all the others as Google asks of hreflang in sitemaps.
    [HttpGet("/sitemap.xml")]
    [OutputCache(PolicyName = PetitionPageCaching.PagePolicy)]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var petitions = await catalog.ListPublicAsync(cancellationToken);
        // Written as bytes: a writer over a string would declare UTF-16.
        var xml = new MemoryStream();
        using (var writer = XmlWriter.Create(xml, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartElement("urlset", SitemapNamespace);
            writer.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            WritePage(writer, "petitions");
            foreach (var petition in petitions.Where(p => p.IsOpen))
            {
                WritePage(writer, "petitions/" + petition.Slug);
            }

            writer.WriteEndElement();
        }

        return File(xml.ToArray(), "application/xml; charset=utf-8");
    }

    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    // One <url> per address of the page, each listing every address (itself included) as an alternate.
    private void WritePage(XmlWriter writer, string path)
    {
        var addresses = SiteLanguages.All.Select(language => (Language: language, Address: site.Value.LinkTo(language + "/" + path)))
            .Append((Language: "x-default", Address: site.Value.LinkTo(path)))
            .ToList();
        foreach (var (_, address) in addresses)
        {
            writer.WriteStartElement("url", SitemapNamespace);
            writer.WriteElementString("loc", SitemapNamespace, address);
            foreach (var (language, alternate) in addresses)
            {
                writer.WriteStartElement("xhtml", "link", XhtmlNamespace);
                writer.WriteAttributeString("rel", "alternate");
                writer.WriteAttributeString("hreflang", language);
                writer.WriteAttributeString("href", alternate);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }
    }
}
