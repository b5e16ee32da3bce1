using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PetitionSite.Petitions;

namespace PetitionSite.Tests.Petitions;

public sealed class PetitionMarkdownTests
{
    private static readonly IDocument Seeded = Render(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Content", "Petitions", "free-walid-daqqah.md")));

    [Fact]
    public void The_five_demands_are_one_ordered_list()
    {
        var list = Assert.Single(Seeded.QuerySelectorAll("body > ol"));
        var demands = list.Children.Where(c => c.LocalName == "li").Select(li => Normalize(li.TextContent)).ToList();

        Assert.Equal(5, demands.Count);
        Assert.StartsWith("Publicly condemning the Israeli regime", demands[0], StringComparison.Ordinal);
        Assert.StartsWith("Amplify our demands", demands[1], StringComparison.Ordinal);
        Assert.StartsWith("Urgently form a medical team", demands[2], StringComparison.Ordinal);
        Assert.StartsWith("Pressure the occupying power", demands[3], StringComparison.Ordinal);
        Assert.StartsWith("Urge the United Nations Security Council", demands[4], StringComparison.Ordinal);
    }

    [Fact]
    public void The_footnote_marker_reads_1_in_brackets_and_links_to_the_note()
    {
        var marker = Assert.Single(Seeded.QuerySelectorAll("a.footnote-ref"));

        Assert.Equal("[1]", marker.TextContent);
        var target = marker.GetAttribute("href")!;
        Assert.StartsWith("#", target, StringComparison.Ordinal);
        var note = Seeded.GetElementById(target[1..]);
        Assert.NotNull(note);
        Assert.NotNull(note.Closest("section.footnotes"));
        Assert.Contains("Zionist condition release committee denied Daqqah’s request for early release", Normalize(note.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public void The_marker_stands_where_the_text_cites_it()
    {
        var first = Seeded.QuerySelector("body > p")!;

        Assert.Contains("appear before an early release committee.[1] Leading up to this decision", Normalize(first.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public void The_note_links_back_to_its_marker()
    {
        var back = Assert.Single(Seeded.QuerySelectorAll("section.footnotes a.footnote-back-ref"));
        var marker = Seeded.QuerySelector("a.footnote-ref")!;

        Assert.Equal("#" + marker.Id, back.GetAttribute("href"));
    }

    [Fact]
    public void The_footnote_source_syntax_is_not_shown()
    {
        Assert.DoesNotContain("[^1]", Seeded.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("Hello <b onclick=\"x()\">there</b>")]
    public void Raw_html_in_the_text_is_shown_as_text(string markdown)
    {
        var html = PetitionMarkdown.ToHtml(markdown);
        var document = Render(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(document.QuerySelectorAll("script, img, iframe, b"));
        Assert.Contains(markdown, document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[read more](javascript:alert(1))")]
    [InlineData("[read more](JavaScript:alert(1))")]
    [InlineData("[read more](data:text/html,<script>alert(1)</script>)")]
    [InlineData("[read more](vbscript:msgbox)")]
    [InlineData("<javascript:alert(1)>")]
    public void A_link_to_script_leads_nowhere(string markdown)
    {
        var hrefs = Render(markdown).QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")).ToList();

        Assert.All(hrefs, href => Assert.Equal("#", href));
    }

    [Theory]
    [InlineData("[the campaign](https://example.org/campaign)", "https://example.org/campaign")]
    [InlineData("[write to us](mailto:team@example.org)", "mailto:team@example.org")]
    [InlineData("[all petitions](/petitions)", "/petitions")]
    [InlineData("[the demands](#demands)", "#demands")]
    public void Links_to_the_web_email_and_this_site_are_kept(string markdown, string href)
    {
        Assert.Equal(href, Render(markdown).QuerySelector("a")!.GetAttribute("href"));
    }

    private static IDocument Render(string markdown) => new HtmlParser().ParseDocument(PetitionMarkdown.ToHtml(markdown));

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
