using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
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
        Disallow: /signatures/
        Disallow: /petitions/*/signed
        Disallow: /petitions/*/thanks
        Disallow: /error
        Sitemap: {site.Value.LinkTo("sitemap.xml")}

        """,
        "text/plain; charset=utf-8");

    // Every open petition and the list, at their public addresses. Language alternates (hreflang) come with translations.
    [HttpGet("/sitemap.xml")]
    [OutputCache(PolicyName = PetitionPageCaching.PagePolicy)]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var petitions = await catalog.ListPublicAsync(cancellationToken);
        // Written as bytes: a writer over a string would declare UTF-16.
        var xml = new MemoryStream();
        using (var writer = XmlWriter.Create(xml, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            WriteUrl(writer, site.Value.LinkTo("petitions"));
            foreach (var petition in petitions.Where(p => p.IsOpen))
            {
                WriteUrl(writer, site.Value.LinkTo("petitions/" + petition.Slug));
            }

            writer.WriteEndElement();
        }

        return File(xml.ToArray(), "application/xml; charset=utf-8");
    }

    private static void WriteUrl(XmlWriter writer, string address)
    {
        writer.WriteStartElement("url");
        writer.WriteElementString("loc", address);
        writer.WriteEndElement();
    }
}
