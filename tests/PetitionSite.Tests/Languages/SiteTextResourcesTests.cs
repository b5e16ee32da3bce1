using System.Text.RegularExpressions;
using System.Xml.Linq;
using PetitionSite.Signing;

namespace PetitionSite.Tests.Languages;

// Every text of the site exists in every language, with the same placeholders, read from the .resx files themselves.
public sealed partial class SiteTextResourcesTests
{
    private static readonly string ResourceFolder = Path.Combine(RepositoryRoot(), "src", "PetitionSite", "Resources", "Languages");

    public static TheoryData<string, string> Translations => new()
    {
        { "SiteText", "fr" },
        { "SiteText", "ar" },
        { "CountryNames", "fr" },
        { "CountryNames", "ar" },
        { "EmailText", "fr" },
        { "EmailText", "ar" },
    };

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_english_text_has_a_translation_and_no_translation_is_left_over(string texts, string language)
    {
        var english = TextsOf($"{texts}.resx");
        var translated = TextsOf($"{texts}.{language}.resx");

        Assert.Empty(english.Keys.Except(translated.Keys));
        Assert.Empty(translated.Keys.Except(english.Keys));
        Assert.All(translated, text => Assert.False(string.IsNullOrWhiteSpace(text.Value), text.Key));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_translation_has_the_placeholders_and_markup_of_the_english_text(string texts, string language)
    {
        var english = TextsOf($"{texts}.resx");
        var translated = TextsOf($"{texts}.{language}.resx");

        Assert.All(english, text =>
        {
            Assert.Equal(Placeholders(text.Value), Placeholders(translated[text.Key]));
            Assert.Equal(Tags(text.Value), Tags(translated[text.Key]));
        });
    }

    [Fact]
    public void The_english_country_names_are_the_country_list_of_the_form()
    {
        Assert.Equal(Countries.All.Select(country => KeyValuePair.Create(country.Code, country.Name)), TextsOf("CountryNames.resx"));
    }

    private static Dictionary<string, string> TextsOf(string file) =>
        XDocument.Load(Path.Combine(ResourceFolder, file)).Root!.Elements("data")
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string)data.Element("value")!);

    private static List<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    private static List<string> Tags(string text) => [.. TagPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PetitionSite.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PetitionSite.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"</?[a-z]+[^>]*>")]
    private static partial Regex TagPattern();
}
