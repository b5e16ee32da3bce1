using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Petitions;

public sealed partial class PetitionPageTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    // The published text, one block per paragraph: title, "Sign the petition", the paragraphs, the five demands, the note, "Tous les dossiers".
    private static readonly string[] Source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Petitions", "free-walid-daqqah.txt"))
        .Split(["\n\n", "\r\n\r\n"], StringSplitOptions.RemoveEmptyEntries)
        .Select(WebPage.Normalize)
        .Where(block => block.Length > 0)
        .ToArray();

    [Fact]
    public async Task Every_paragraph_of_the_petition_is_shown_word_for_word_in_order()
    {
        var page = await OpenPetitionAsync();
        var paragraphs = Source.Skip(2).TakeWhile(block => !DemandNumber().IsMatch(block)).ToList();

        var shown = page.Document.QuerySelectorAll(".petition-body > p").Select(p => WebPage.Normalize(p.TextContent)).ToList();

        Assert.Equal(5, paragraphs.Count);
        Assert.Equal(paragraphs, shown);
    }

    [Fact]
    public async Task The_five_demands_are_the_items_of_one_ordered_list_word_for_word()
    {
        var page = await OpenPetitionAsync();
        var demands = Source.Where(block => DemandNumber().IsMatch(block)).Select(block => DemandNumber().Replace(block, "")).ToList();

        var list = Assert.Single(page.Document.QuerySelectorAll(".petition-body > ol"));
        var shown = list.Children.Where(e => e.LocalName == "li").Select(li => WebPage.Normalize(li.TextContent)).ToList();

        Assert.Equal(5, demands.Count);
        Assert.Equal(demands, shown);
        Assert.Null(list.GetAttribute("start"));
    }

    [Fact]
    public async Task The_note_is_a_real_footnote_linked_from_its_marker()
    {
        var page = await OpenPetitionAsync();
        var note = Assert.Single(Source, block => block.StartsWith("[1]", StringComparison.Ordinal));

        var marker = Assert.Single(page.Document.QuerySelectorAll(".petition-body a.footnote-ref"));
        Assert.Equal("[1]", marker.TextContent);
        var target = page.Document.GetElementById(marker.GetAttribute("href")!.TrimStart('#'));
        Assert.NotNull(target);
        Assert.NotNull(target.Closest(".petition-body section.footnotes"));
        Assert.Equal(note, TextWithoutBackLink(target));
        var back = Assert.Single(target.QuerySelectorAll("a.footnote-back-ref"));
        Assert.Equal(marker, page.Document.GetElementById(back.GetAttribute("href")!.TrimStart('#')));
    }

    [Fact]
    public async Task The_title_the_call_to_sign_and_the_link_to_all_petitions_are_shown()
    {
        var page = await OpenPetitionAsync();

        Assert.Equal(Source[0], WebPage.Normalize(Assert.Single(page.Document.QuerySelectorAll("h1")).TextContent));
        Assert.Equal("Sign the petition", Source[1]);
        Assert.Contains(page.Document.QuerySelectorAll("a"), a => a.TextContent == "Sign the petition" && a.GetAttribute("href") == "#sign");
        Assert.Equal("Sign the petition", page.Document.QuerySelector("#sign h2")?.TextContent);
        Assert.Equal("Tous les dossiers", Source[^1]);
        var all = Assert.Single(page.Document.QuerySelectorAll("a"), a => a.TextContent == "Tous les dossiers");
        Assert.Equal("/", all.GetAttribute("href"));
        Assert.Equal($"{Source[0]} – PetitionSite", page.Document.Title);
    }

    [Fact]
    public async Task The_page_shows_the_count_toward_the_goal_and_an_empty_form()
    {
        var page = await OpenPetitionAsync();

        var progress = page.Document.QuerySelector("progress")!;
        Assert.Equal("10000", progress.GetAttribute("max"));
        Assert.Equal("0", progress.GetAttribute("value"));
        Assert.Contains("0 signatures of 10,000 needed", page.Text, StringComparison.Ordinal);
        var form = page.Document.QuerySelector("form.signature-form")!;
        Assert.Equal($"/petitions/{PetitionSiteFactory.PetitionSlug}/signatures", form.GetAttribute("action"));
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Empty(page.Document.QuerySelectorAll(".error-summary, .error-message"));
        Assert.All(["#Form_FirstName", "#Form_LastName", "#Form_Email", "#Form_Postcode", "#Form_Country"], field => Assert.Equal("", page.ValueOf(field)));
    }

    [Fact]
    public async Task Nothing_is_added_to_or_left_out_of_the_text()
    {
        var page = await OpenPetitionAsync();
        var text = Source[2..^1].Select(block => DemandNumber().Replace(block, ""));

        Assert.Equal(string.Join(' ', text), TextWithoutBackLink(page.Document.QuerySelector(".petition-body")!));
    }

    private async Task<WebPage> OpenPetitionAsync()
    {
        var page = await fixture.NewSupporter().OpenAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page;
    }

    private static string TextWithoutBackLink(IElement note)
    {
        var copy = (IElement)note.Clone();
        foreach (var back in copy.QuerySelectorAll("a.footnote-back-ref").ToList())
        {
            back.Remove();
        }

        return WebPage.Normalize(copy.TextContent);
    }

    [GeneratedRegex(@"^\d+\.\s+")]
    private static partial Regex DemandNumber();
}
