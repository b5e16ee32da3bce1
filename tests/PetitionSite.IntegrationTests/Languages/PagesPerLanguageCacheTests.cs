using System.Net;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Languages;

// The page cache keeps one copy per language: each test starts a new site, so its cache starts empty.
public sealed class PagesPerLanguageCacheTests : IAsyncLifetime
{
    private const string Slug = PetitionSiteFactory.PetitionSlug;

    private readonly SiteFixture fixture = new();

    public ValueTask InitializeAsync() => fixture.InitializeAsync();

    public ValueTask DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task A_french_first_visit_never_gets_the_english_copy_and_each_language_is_shared()
    {
        var english = await fixture.NewSupporter().OpenAsync($"/petitions/{Slug}");
        var french = await fixture.NewSupporter().OpenAsync($"/fr/petitions/{Slug}");
        var arabic = await fixture.NewSupporter().OpenAsync($"/ar/petitions/{Slug}");
        var frenchAgain = await fixture.NewSupporter().OpenAsync($"/fr/petitions/{Slug}");
        var englishAgain = await fixture.NewSupporter().OpenAsync($"/petitions/{Slug}");

        Assert.Equal(["en", "fr", "ar", "fr", "en"], new[] { english, french, arabic, frenchAgain, englishAgain }.Select(LanguageOf));
        // Served from the cache: the same form token as the first copy of the same language.
        Assert.Equal(french.FormToken, frenchAgain.FormToken);
        Assert.Equal(english.FormToken, englishAgain.FormToken);
        Assert.NotEqual(english.FormToken, french.FormToken);
    }

    [Fact]
    public async Task A_french_first_visit_to_the_list_never_gets_the_english_copy()
    {
        var english = await fixture.NewSupporter().OpenAsync("/petitions");
        var french = await fixture.NewSupporter().OpenAsync("/fr/petitions");

        Assert.Equal(HttpStatusCode.OK, french.Status);
        Assert.Equal(("en", "fr"), (LanguageOf(english), LanguageOf(french)));
        Assert.Equal("Toutes les pétitions", french.Document.QuerySelector("h1")?.TextContent);
    }

    private static string? LanguageOf(WebPage page) => page.Document.DocumentElement.GetAttribute("lang");
}
