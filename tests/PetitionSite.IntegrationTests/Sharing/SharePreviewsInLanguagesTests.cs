using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PetitionSite.IntegrationTests.Admin;
using PetitionSite.Sharing;
using PetitionSite.Testing;
using SkiaSharp;

namespace PetitionSite.IntegrationTests.Sharing;

// A link shared from a French or Arabic page previews in that language: its address, its image and its words.
public sealed class SharePreviewsInLanguagesTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const string Slug = PetitionSiteFactory.PetitionSlug;
    private const string FrenchTitle = "Gardez la bibliothèque ouverte";

    [Theory]
    [InlineData("", "en_GB", "fr_FR ar_AR", "signature")]
    [InlineData("/fr", "fr_FR", "en_GB ar_AR", "signature")]
    [InlineData("/ar", "ar_AR", "en_GB fr_FR", "توقيع")]
    public async Task A_page_names_its_own_language_address_image_and_locale_to_link_previews(string language, string locale, string alternates, string countWord)
    {
        // Absolute, so that the query survives the test client's reading of the link.
        var page = await fixture.NewSupporter().OpenAsync($"https://localhost{language}/petitions/{Slug}?source=whatsapp");
        string? Meta(string name) => page.Document.QuerySelector($"meta[property='{name}']")?.GetAttribute("content");

        Assert.Equal($"http://petitions.test{language}/petitions/{Slug}", Meta("og:url"));
        Assert.Equal(page.Document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), Meta("og:url"));
        Assert.Equal($"http://petitions.test{language}/petitions/{Slug}/share.png", Meta("og:image"));
        Assert.Equal(locale, Meta("og:locale"));
        Assert.Equal(alternates, string.Join(' ', page.Document.QuerySelectorAll("meta[property='og:locale:alternate']").Select(m => m.GetAttribute("content"))));
        Assert.Contains(countWord, Meta("og:image:alt"), StringComparison.Ordinal);
        Assert.StartsWith(page.Document.QuerySelector("h1")!.TextContent + ": ", Meta("og:image:alt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_arabic_image_is_written_with_arabic_indic_digits_in_its_alt_text()
    {
        var page = await fixture.NewSupporter().OpenAsync($"/ar/petitions/{Slug}");

        var alt = page.Document.QuerySelector("meta[property='og:image:alt']")!.GetAttribute("content")!;

        Assert.DoesNotContain(alt, char.IsAsciiDigit);
        Assert.Contains(alt, c => c is >= '\u0660' and <= '\u0669');
    }

    [Fact]
    public async Task The_french_and_arabic_share_images_are_pngs_of_their_own()
    {
        var images = fixture.Site.Services.GetRequiredService<ShareImages>();
        var drawnBefore = images.Drawings;
        var english = await ImageAsync("");
        var french = await ImageAsync("/fr");
        var arabic = await ImageAsync("/ar");

        Assert.NotEqual(english, french);
        Assert.NotEqual(english, arabic);
        Assert.NotEqual(french, arabic);
        // Asked for again, each language is served from memory: the same bytes, not a redrawing.
        Assert.Equal(arabic, await ImageAsync("/ar"));
        Assert.Equal(drawnBefore + 3, images.Drawings);
    }

    [Fact]
    public async Task A_translated_title_is_shown_on_the_embed_card_and_the_share_image_of_its_language()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = await admin.CreateOpenPetitionAsync();
        using var saved = await admin.PostFormAsync($"/admin/petitions/{slug}/translations/fr", [
            new("Title", FrenchTitle),
            new("Summary", "La bibliothèque doit rester ouverte le samedi."),
            new("BodyMarkdown", "Elle est la place où *lire*."),
        ]);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);

        var french = await fixture.NewSupporter().OpenAsync($"/fr/petitions/{slug}/embed");
        var english = await fixture.NewSupporter().OpenAsync($"/petitions/{slug}/embed");
        using var frenchImage = await fixture.NewSupporter().Http.GetAsync($"/fr/petitions/{slug}/share.png", TestContext.Current.CancellationToken);
        var images = fixture.Site.Services.GetRequiredService<ShareImages>();

        Assert.Equal(FrenchTitle, french.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal("Keep the library open", english.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal(HttpStatusCode.OK, frenchImage.StatusCode);
        Assert.Equal(FrenchTitle, (await images.FindAsync(slug, "fr", TestContext.Current.CancellationToken))?.Card.Title);
        Assert.Equal("Keep the library open", (await images.FindAsync(slug, "ar", TestContext.Current.CancellationToken))?.Card.Title);
    }

    [Fact]
    public async Task Footnotes_are_named_for_screen_readers_in_the_page_language()
    {
        var french = await fixture.NewSupporter().OpenAsync($"/fr/petitions/{Slug}");
        var english = await fixture.NewSupporter().OpenAsync($"/petitions/{Slug}");
        var arabic = await fixture.NewSupporter().OpenAsync($"/ar/petitions/{Slug}");

        Assert.Equal("Note 1", french.Document.QuerySelector(".petition-body a.footnote-ref")?.GetAttribute("aria-label"));
        Assert.Equal("Retour à l’appel de note 1 dans le texte", french.Document.QuerySelector(".petition-body a.footnote-back-ref")?.GetAttribute("aria-label"));
        Assert.Equal("Notes", french.Document.QuerySelector(".petition-body section.footnotes")?.GetAttribute("aria-label"));
        Assert.Equal("Back to note 1 in the text", english.Document.QuerySelector(".petition-body a.footnote-back-ref")?.GetAttribute("aria-label"));
        // The number as the marker shows it, so that the name holds the visible "[1]".
        Assert.Equal("الحاشية 1", arabic.Document.QuerySelector(".petition-body a.footnote-ref")?.GetAttribute("aria-label"));
        Assert.Equal("الحواشي", arabic.Document.QuerySelector(".petition-body section.footnotes")?.GetAttribute("aria-label"));
    }

    private async Task<byte[]> ImageAsync(string language)
    {
        using var response = await fixture.NewSupporter().Http.GetAsync($"{language}/petitions/{Slug}/share.png", TestContext.Current.CancellationToken);
        var png = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        using var image = SKBitmap.Decode(png);
        Assert.Equal((ShareCard.Width, ShareCard.Height), (image.Width, image.Height));
        Assert.True(image.Pixels.Distinct().Count() > 16, $"The {language} image is blank or nearly so");
        return png;
    }
}
