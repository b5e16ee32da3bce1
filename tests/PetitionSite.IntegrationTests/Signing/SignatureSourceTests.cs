using System.Net;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Signing;

public sealed class SignatureSourceTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const string Page = "/petitions/" + PetitionSiteFactory.PetitionSlug;

    [Fact]
    public async Task A_source_on_the_link_rides_through_the_form_to_the_signature()
    {
        var client = fixture.NewSupporter();
        var page = await OpenAsync(client, Page + "?source=News-Letter");
        var source = page.ValueOf("input[name='Form.Source']");
        Assert.Equal("news-letter", source);
        var supporter = Supporter.New("Sourced") with { Source = source };

        await fixture.SignAndGetLinkAsync(supporter, client);

        var signature = Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        Assert.Equal("news-letter", signature.Source);
    }

    [Fact]
    public async Task A_page_without_a_source_carries_none()
    {
        var page = await OpenAsync(fixture.NewSupporter(), Page + "?utm_campaign=spring");

        Assert.Null(page.Document.QuerySelector("input[name='Form.Source']"));
    }

    [Fact]
    public async Task The_page_cache_keeps_a_copy_per_source_and_ignores_other_query_keys()
    {
        var first = await OpenAsync(fixture.NewSupporter(), Page + "?source=cache-a");
        var second = await OpenAsync(fixture.NewSupporter(), Page + "?source=cache-b");
        var sameSourceOtherKeys = await OpenAsync(fixture.NewSupporter(), Page + "?source=Cache-A&utm_medium=" + Guid.NewGuid().ToString("N"));

        Assert.Equal("cache-a", first.ValueOf("input[name='Form.Source']"));
        Assert.Equal("cache-b", second.ValueOf("input[name='Form.Source']"));
        Assert.Equal("cache-a", sameSourceOtherKeys.ValueOf("input[name='Form.Source']"));
        // A first visit's page is stored whole, form token included: the same token means the same stored copy.
        Assert.NotEqual(first.FormToken, second.FormToken);
        Assert.Equal(first.FormToken, sameSourceOtherKeys.FormToken);
    }

    [Fact]
    public async Task A_form_sent_back_with_errors_keeps_its_source()
    {
        using var response = await fixture.NewSupporter().SendSignatureFormAsync(
            [new("Form.FirstName", ""), new("Form.Email", "not-an-address"), new("Form.Source", "partner-site")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await WebPage.ReadAsync(response);
        Assert.Equal("partner-site", page.ValueOf("input[name='Form.Source']"));
    }

    [Fact]
    public async Task A_strange_source_is_cleaned_before_it_is_stored()
    {
        var supporter = Supporter.New("Strange") with { Source = "  <Partner> Site!  " };

        await fixture.SignAndGetLinkAsync(supporter);

        var stored = Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        Assert.Equal("partnersite", stored.Source);
    }

    [Fact]
    public async Task Every_share_link_on_the_thanks_page_names_its_channel()
    {
        var page = await fixture.NewSupporter().OpenAsync(Page + "/thanks");

        var links = page.Document.QuerySelectorAll("ul.share a").Select(a => Uri.UnescapeDataString(a.GetAttribute("href")!)).ToList();
        Assert.Equal(6, links.Count);
        string[] channels = ["email", "whatsapp", "telegram", "bluesky", "x", "facebook"];
        foreach (var (link, channel) in links.Zip(channels))
        {
            Assert.Contains($"http://petitions.test{Page}?source={channel}", link, StringComparison.Ordinal);
        }

        Assert.Contains($"{Page}?source=copy", page.Text, StringComparison.Ordinal);
    }

    // Straight to the client: SupporterClient.OpenAsync reads a path with a query as a file URI on Linux and escapes its '?'.
    private static async Task<WebPage> OpenAsync(SupporterClient client, string pathAndQuery)
    {
        using var response = await client.Http.GetAsync(new Uri(pathAndQuery, UriKind.Relative));
        return await WebPage.ReadAsync(response);
    }
}
