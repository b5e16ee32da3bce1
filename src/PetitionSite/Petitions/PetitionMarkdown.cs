using Markdig;
using Microsoft.Extensions.Caching.Memory;

namespace PetitionSite.Petitions;

// Petition texts are Markdown written by organisers; raw HTML in them is shown as text, never executed.
public sealed class PetitionMarkdown(IMemoryCache cache)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseFootnotes()
        .Use<FootnoteLabelsExtension>()
        .DisableHtml()
        .Build();

    public static string ToHtml(string markdown) => Markdown.ToHtml(markdown, Pipeline);

    public string ToCachedHtml(string markdown) =>
        cache.GetOrCreate(("petition-html", markdown), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            return ToHtml(markdown);
        })!;
}
