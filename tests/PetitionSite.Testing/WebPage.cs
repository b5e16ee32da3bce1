using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PetitionSite.Testing;

// A response as a person sees it: its status and its parsed HTML.
public sealed record WebPage(HttpStatusCode Status, IHtmlDocument Document)
{
    public static async Task<WebPage> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new WebPage(response.StatusCode, new HtmlParser().ParseDocument(html));
    }

    // The antiforgery token of the page's form, as a browser would send it back.
    public string FormToken =>
        (Document.QuerySelector("input[name=__form]") as IHtmlInputElement)?.Value
        ?? throw new InvalidOperationException("The page has no form token:\n" + Document.Body?.TextContent);

    public string Text => Normalize(Document.Body?.TextContent);

    public string? ValueOf(string selector) => Document.QuerySelector(selector) switch
    {
        IHtmlInputElement input => input.Value,
        IHtmlSelectElement select => select.Value,
        _ => null,
    };

    // Collapses every run of whitespace, non-breaking spaces included, to one space.
    public static string Normalize(string? text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
