using System.Collections.Concurrent;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using PetitionSite.Languages;

namespace PetitionSite.Petitions;

// Petition texts are Markdown written by organisers; raw HTML in them is shown as text, never executed,
// and a link or image may only point to the web or to an email address.
public sealed class PetitionMarkdown(IMemoryCache cache, IStringLocalizer<SiteText> text)
{
    // One pipeline per set of footnote labels, so one per language.
    private static readonly ConcurrentDictionary<FootnoteLabels, MarkdownPipeline> Pipelines = new();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    // The back office's preview is English, as the back office is.
    public static string ToHtml(string markdown) => ToHtml(markdown, FootnoteLabels.English);

    public static string ToHtml(string markdown, FootnoteLabels labels)
    {
        var pipeline = Pipelines.GetOrAdd(labels, static l => new MarkdownPipelineBuilder()
            .UseFootnotes()
            .Use(new FootnoteLabelsExtension(l))
            .DisableHtml()
            .Build());
        var document = Markdown.Parse(markdown, pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafe(l.Url)))
        {
            link.Url = "#";
        }

        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !IsSafe(l.Url)))
        {
            link.Url = "#";
        }

        return document.ToHtml(pipeline);
    }

    // Relative addresses and anchors are kept; an absolute address must use a scheme a reader can trust.
    private static bool IsSafe(string? url) =>
        string.IsNullOrEmpty(url)
        || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var absolute)
        || url.TrimStart().StartsWith('/')
        || SafeSchemes.Contains(absolute.Scheme, StringComparer.OrdinalIgnoreCase);

    // In the page's language: the footnotes' labels are part of the HTML, so they are part of the key.
    public string ToCachedHtml(string markdown)
    {
        var labels = FootnoteLabels.Of(text, SiteLanguages.Current);
        return cache.GetOrCreate(("petition-html", labels, markdown), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            return ToHtml(markdown, labels);
        })!;
    }
}
