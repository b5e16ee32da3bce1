using System.Globalization;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace PetitionSite.Petitions;

// Shows footnote markers as "[1]", as petition texts write them, rather than a bare superscript number, and names
// them for screen readers in the page's language.
public sealed class FootnoteLabelsExtension(FootnoteLabels labels) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.Replace<HtmlFootnoteLinkRenderer>(new LinkRenderer(labels));
            html.ObjectRenderers.Replace<HtmlFootnoteGroupRenderer>(new GroupRenderer(labels));
        }
    }

    // The number is written as the marker shows it ("[1]"), even in Arabic: a name that holds the visible text lets
    // voice-control users say what they see (WCAG 2.5.3).
    private static string Label(string template, int order) =>
        string.Format(CultureInfo.InvariantCulture, template, order);

    private sealed class LinkRenderer(FootnoteLabels labels) : HtmlObjectRenderer<FootnoteLink>
    {
        protected override void Write(HtmlRenderer renderer, FootnoteLink link)
        {
            var order = link.Footnote.Order;
            if (link.IsBackLink)
            {
                renderer.Write($"<a href=\"#fnref:{link.Index}\" class=\"footnote-back-ref\" aria-label=\"");
                renderer.WriteEscape(Label(labels.BackToNote, order));
                renderer.Write("\">&#8617;</a>");
            }
            else
            {
                renderer.Write($"<a id=\"fnref:{link.Index}\" href=\"#fn:{order}\" class=\"footnote-ref\" aria-label=\"");
                renderer.WriteEscape(Label(labels.Note, order));
                renderer.Write($"\"><sup>[{order}]</sup></a>");
            }
        }
    }

    private sealed class GroupRenderer(FootnoteLabels labels) : HtmlObjectRenderer<FootnoteGroup>
    {
        protected override void Write(HtmlRenderer renderer, FootnoteGroup footnotes)
        {
            renderer.EnsureLine();
            renderer.Write("<section class=\"footnotes\" aria-label=\"");
            renderer.WriteEscape(labels.Notes);
            renderer.WriteLine("\">");
            renderer.WriteLine("<ol>");
            foreach (var footnote in footnotes.OfType<Footnote>())
            {
                renderer.WriteLine($"<li id=\"fn:{footnote.Order}\"><span class=\"footnote-label\">[{footnote.Order}]</span>");
                renderer.WriteChildren(footnote);
                renderer.WriteLine("</li>");
            }

            renderer.WriteLine("</ol>");
            renderer.WriteLine("</section>");
        }
    }
}
