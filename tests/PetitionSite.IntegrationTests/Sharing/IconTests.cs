using System.Net;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Sharing;

// Browsers ask for /favicon.ico on their own: it is a small static file kept a week, never the 404 page.
public sealed class IconTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task The_favicon_is_an_icon_file_kept_for_a_week()
    {
        using var response = await fixture.NewSupporter().Http.GetAsync("/favicon.ico", TestContext.Current.CancellationToken);
        var icon = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentType?.MediaType is "image/x-icon" or "image/vnd.microsoft.icon", response.Content.Headers.ContentType?.MediaType);
        // An ICO directory (reserved 0, type 1) holding the 16, 32 and 48 pixel images.
        Assert.Equal([0, 0, 1, 0, 3, 0], icon[..6]);
        Assert.Equal([16, 32, 48], new[] { icon[6], icon[22], icon[38] });
        Assert.True(icon.Length < 4_000, $"favicon.ico weighs {icon.Length} bytes.");
        Assert.Equal(TimeSpan.FromDays(7), response.Headers.CacheControl?.MaxAge);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("/favicon.ico")]
    [InlineData("/apple-touch-icon.png")]
    public async Task Head_answers_for_the_icons_without_a_body(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, path);
        using var response = await fixture.NewSupporter().Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_home_screen_icon_is_a_180_pixel_png()
    {
        using var response = await fixture.NewSupporter().Http.GetAsync("/apple-touch-icon.png", TestContext.Current.CancellationToken);
        var png = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        // The PNG header's width and height, big-endian at bytes 16 and 20.
        Assert.Equal((180, 180), (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
    }

    [Theory]
    [InlineData("/petitions/" + PetitionSiteFactory.PetitionSlug)]
    [InlineData("/ar/privacy")]
    public async Task Every_page_names_its_icons(string path)
    {
        var page = await fixture.NewSupporter().OpenAsync(path);

        Assert.NotNull(page.Document.QuerySelector("link[rel=icon][href='/favicon.ico']"));
        Assert.NotNull(page.Document.QuerySelector("link[rel=icon][type='image/svg+xml']"));
        Assert.NotNull(page.Document.QuerySelector("link[rel=apple-touch-icon][href='/apple-touch-icon.png']"));
    }
}
