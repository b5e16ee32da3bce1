using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace PetitionSite.Petitions;

// Shows footnote markers as "[1]", as petition texts write them, rather than a bare superscript number.
public sealed class FootnoteLabelsExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.Replace<HtmlFootnoteLinkRenderer>(new LinkRenderer());
            html.ObjectRenderers.Replace<HtmlFootnoteGroupRenderer>(new GroupRenderer());
        }
    }

    private sealed class LinkRenderer : HtmlObjectRenderer<FootnoteLink>
    {
        protected override void Write(HtmlRenderer renderer, FootnoteLink link)
        {
            var order = link.Footnote.Order;
            renderer.Write(link.IsBackLink
                ? $"<a href=\"#fnref:{link.Index}\" class=\"footnote-back-ref\" aria-label=\"Back to note {order} in the text\">&#8617;</a>"
                : $"<a id=\"fnref:{link.Index}\" href=\"#fn:{order}\" class=\"footnote-ref\" aria-label=\"Note {order}\"><sup>[{order}]</sup></a>");
        }
    }

    private sealed class GroupRenderer : HtmlObjectRenderer<FootnoteGroup>
    {
        protected override void Write(HtmlRenderer renderer, FootnoteGroup footnotes)
        {
            renderer.EnsureLine();
            renderer.WriteLine("<section class=\"footnotes\" aria-label=\"Notes\">");
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
