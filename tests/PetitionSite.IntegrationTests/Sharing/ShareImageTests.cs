using System.Net;
using PetitionSite.Testing;
using SkiaSharp;

namespace PetitionSite.IntegrationTests.Sharing;

public sealed class ShareImageTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const string ImagePath = "/petitions/" + PetitionSiteFactory.PetitionSlug + "/share.png";

    [Fact]
    public async Task The_share_image_is_a_1200_by_630_png_with_something_drawn_on_it()
    {
        using var response = await fixture.NewSupporter().Http.GetAsync(ImagePath, TestContext.Current.CancellationToken);
        var png = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        using var image = SKBitmap.Decode(png);
        Assert.Equal((1200, 630), (image.Width, image.Height));
        Assert.True(image.Pixels.Distinct().Count() > 16, "The image is blank or nearly so");
        Assert.True(response.Headers.CacheControl?.MaxAge > TimeSpan.Zero);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task An_unchanged_image_answers_304_to_a_browser_that_has_it()
    {
        var http = fixture.NewSupporter().Http;
        using var first = await http.GetAsync(ImagePath, TestContext.Current.CancellationToken);
        using var again = new HttpRequestMessage(HttpMethod.Get, ImagePath);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await http.SendAsync(again, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task There_is_no_share_image_for_an_unknown_petition()
    {
        using var response = await fixture.NewSupporter().Http.GetAsync("/petitions/no-such-petition/share.png", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_petition_page_describes_itself_to_link_previews()
    {
        var page = await fixture.NewSupporter().OpenAsync("https://localhost/petitions/" + PetitionSiteFactory.PetitionSlug + "?source=whatsapp");
        string? Meta(string name) => page.Document.QuerySelector($"meta[property='{name}'], meta[name='{name}']")?.GetAttribute("content");

        Assert.Equal("http://petitions.test/petitions/" + PetitionSiteFactory.PetitionSlug, Meta("og:url"));
        Assert.Equal("http://petitions.test" + ImagePath, Meta("og:image"));
        Assert.Equal("1200", Meta("og:image:width"));
        Assert.Equal("630", Meta("og:image:height"));
        Assert.Contains("signature", Meta("og:image:alt"), StringComparison.Ordinal);
        Assert.Equal("website", Meta("og:type"));
        Assert.Equal("PetitionSite", Meta("og:site_name"));
        Assert.Equal(page.Document.QuerySelector("h1")!.TextContent, Meta("og:title"));
        Assert.Equal(page.Document.QuerySelector("meta[name=description]")!.GetAttribute("content"), Meta("og:description"));
        Assert.False(string.IsNullOrWhiteSpace(Meta("og:description")));
        Assert.Equal("summary_large_image", Meta("twitter:card"));
    }
}
