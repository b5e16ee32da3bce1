using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.Caching.Memory;

namespace PetitionSite.Petitions;

// Petition texts are Markdown written by organisers; raw HTML in them is shown as text, never executed,
// and a link or image may only point to the web or to an email address.
public sealed class PetitionMarkdown(IMemoryCache cache)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseFootnotes()
        .Use<FootnoteLabelsExtension>()
        .DisableHtml()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafe(l.Url)))
        {
            link.Url = "#";
        }

        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !IsSafe(l.Url)))
        {
            link.Url = "#";
        }

        return document.ToHtml(Pipeline);
    }

    // Relative addresses and anchors are kept; an absolute address must use a scheme a reader can trust.
    private static bool IsSafe(string? url) =>
        string.IsNullOrEmpty(url)
        || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var absolute)
        || url.TrimStart().StartsWith('/')
        || SafeSchemes.Contains(absolute.Scheme, StringComparer.OrdinalIgnoreCase);

    public string ToCachedHtml(string markdown) =>
        cache.GetOrCreate(("petition-html", markdown), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            return ToHtml(markdown);
        })!;
}
