using System.Net;
using System.Net.Http.Headers;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Languages;

// The supporter's journey under /fr and /ar: every page in the language of its address, every link and redirect staying in it.
public sealed class SupporterJourneyInLanguagesTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const string Slug = PetitionSiteFactory.PetitionSlug;

    [Theory]
    [InlineData("fr", "ltr", "Signer la pétition")]
    [InlineData("ar", "rtl", "وقِّع العريضة")]
    public async Task The_petition_page_speaks_the_language_of_its_address(string language, string direction, string signHeading)
    {
        var page = await fixture.NewSupporter().OpenAsync($"/{language}/petitions/{Slug}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var html = page.Document.DocumentElement;
        Assert.Equal((language, direction), (html.GetAttribute("lang"), html.GetAttribute("dir")));
        Assert.Equal(signHeading, page.Document.QuerySelector("#sign-heading")?.TextContent);
        Assert.Equal($"/{language}/petitions/{Slug}/signatures", page.Document.QuerySelector("form.signature-form")?.GetAttribute("action"));
    }

    [Theory]
    [InlineData("fr", "Palestine", "Allemagne")]
    [InlineData("ar", "فلسطين", "ألمانيا")]
    public async Task The_country_list_is_named_and_sorted_in_the_language(string language, string palestine, string germany)
    {
        var page = await fixture.NewSupporter().OpenAsync($"/{language}/petitions/{Slug}");

        var options = page.Document.QuerySelectorAll("#Form_Country option:not([value=''])").ToList();
        Assert.Equal(249, options.Count);
        Assert.Equal(palestine, options.Single(option => option.GetAttribute("value") == "PS").TextContent);
        Assert.Equal(germany, options.Single(option => option.GetAttribute("value") == "DE").TextContent);
        var names = options.Select(option => option.TextContent).ToList();
        Assert.Equal(names.Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo(language), ignoreCase: true)), names);
    }

    [Fact]
    public async Task Every_public_page_links_to_itself_in_each_language_and_names_the_alternates()
    {
        var page = await fixture.NewSupporter().OpenAsync($"/fr/petitions/{Slug}");

        var switcher = page.Document.QuerySelectorAll("nav.languages a").Select(a => (a.GetAttribute("hreflang"), a.GetAttribute("href"))).ToList();
        Assert.Equal([("en", $"/en/petitions/{Slug}"), ("fr", $"/fr/petitions/{Slug}"), ("ar", $"/ar/petitions/{Slug}")], switcher);
        Assert.Equal("true", page.Document.QuerySelector("nav.languages a[hreflang=fr]")?.GetAttribute("aria-current"));
        var alternates = page.Document.QuerySelectorAll("link[rel=alternate][hreflang]")
            .ToDictionary(link => link.GetAttribute("hreflang")!, link => new Uri(link.GetAttribute("href")!).AbsolutePath);
        Assert.Equal($"/ar/petitions/{Slug}", alternates["ar"]);
        Assert.Equal($"/petitions/{Slug}", alternates["x-default"]);
        Assert.Equal(4, alternates.Count);
    }

    [Theory]
    [InlineData("fr", "Saisissez votre prénom", "Choisissez votre pays")]
    [InlineData("ar", "أدخل اسمك الأول", "اختر بلدك")]
    public async Task A_form_with_mistakes_comes_back_with_its_errors_in_the_language(string language, string firstNameError, string countryError)
    {
        var client = fixture.NewSupporter();
        var formPage = await client.OpenAsync($"/{language}/petitions/{Slug}");
        var fields = (Supporter.New("") with { Country = "" }).FormFields();
        fields.Add(new("__form", formPage.FormToken));

        using var response = await client.Http.PostAsync($"/{language}/petitions/{Slug}/signatures", new FormUrlEncodedContent(fields));
        var page = await WebPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Equal(language, page.Document.DocumentElement.GetAttribute("lang"));
        var summary = page.Document.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains(firstNameError, summary, StringComparison.Ordinal);
        Assert.Contains(countryError, summary, StringComparison.Ordinal);
        Assert.Contains(firstNameError, page.Document.QuerySelector("#Form_FirstName-error")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_and_confirming_in_arabic_stays_in_arabic_and_counts_in_arabic_digits()
    {
        var before = await fixture.PublicCountAsync();
        var client = fixture.NewSupporter();
        var supporter = Supporter.New("وليد", "دقة");
        var formPage = await client.OpenAsync($"/ar/petitions/{Slug}");
        var fields = supporter.FormFields();
        fields.Add(new("__form", formPage.FormToken));

        using var signed = await client.Http.PostAsync($"/ar/petitions/{Slug}/signatures", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.SeeOther, signed.StatusCode);
        Assert.Equal($"/ar/petitions/{Slug}/signed", signed.Headers.Location?.OriginalString);
        var checkYourEmail = await client.OpenAsync(signed.Headers.Location!.OriginalString);
        Assert.Equal("تحقَّق من بريدك الإلكتروني", checkYourEmail.Document.QuerySelector("h1")?.TextContent);

        // The email's link names the signature's language, so it opens the Arabic confirmation page.
        var email = await fixture.Smtp.WaitForMessageToAsync(supporter.Email);
        var link = new Uri(PetitionSiteFactory.ConfirmationLinkIn(email)).PathAndQuery;
        Assert.StartsWith("/ar/signatures/confirm/", link, StringComparison.Ordinal);
        var confirmPage = await client.OpenAsync(link);
        Assert.Equal("أكِّد توقيعك", confirmPage.Document.QuerySelector("h1")?.TextContent);
        using var confirmed = await client.SendConfirmationAsync(link, confirmPage.FormToken);
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        Assert.Equal($"/ar/petitions/{Slug}/thanks", confirmed.Headers.Location?.OriginalString);

        var thanks = await client.OpenAsync(confirmed.Headers.Location!.OriginalString);
        Assert.Equal("شكرًا لك: تم تأكيد توقيعك", thanks.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains($"<strong>{ArabicDigits(before + 1)}</strong>", thanks.Document.QuerySelector("main p")?.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(before + 1, await fixture.PublicCountAsync());
    }

    [Theory]
    [InlineData("fr", "Page introuvable")]
    [InlineData("ar", "الصفحة غير موجودة")]
    public async Task A_missing_page_under_a_language_says_so_in_that_language(string language, string title)
    {
        var page = await fixture.NewSupporter().OpenAsync($"/{language}/petitions/no-such-petition");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal(title, page.Document.QuerySelector("main h1")?.TextContent);
        Assert.Equal(language, page.Document.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("/fr/admin")]
    [InlineData("/ar/account/login")]
    public async Task The_back_office_has_no_address_in_another_language(string path)
    {
        using var response = await fixture.NewSupporter().Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("fr-FR,fr;q=0.9,en;q=0.5", "/fr/petitions/" + Slug)]
    [InlineData("ar", "/ar/petitions/" + Slug)]
    [InlineData("de-DE,ar;q=0.8,en;q=0.9", null)]
    [InlineData("en-GB,fr;q=0.5", null)]
    [InlineData("", null)]
    public async Task The_plain_address_follows_the_browsers_languages(string acceptLanguage, string? redirectedTo)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/petitions/{Slug}?source=newsletter");
        if (acceptLanguage.Length > 0)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var response = await fixture.NewSupporter().Http.SendAsync(request);

        Assert.Contains("Accept-Language", response.Headers.Vary);
        if (redirectedTo is null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("en", (await WebPage.ReadAsync(response)).Document.DocumentElement.GetAttribute("lang"));
        }
        else
        {
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            Assert.Equal(redirectedTo + "?source=newsletter", response.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task An_address_that_names_english_stays_english_whatever_the_browser_prefers()
    {
        var client = fixture.NewSupporter();
        client.Http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("fr"));

        var page = await client.OpenAsync($"/en/petitions/{Slug}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Sign the petition", page.Document.QuerySelector("#sign-heading")?.TextContent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/fr")]
    [InlineData("/ar")]
    public async Task The_petition_page_stays_under_30_KB_in_every_language(string prefix)
    {
        using var response = await fixture.NewSupporter().Http.GetAsync($"{prefix}/petitions/{Slug}");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(bytes.Length < 30 * 1024, $"{prefix}/petitions/{Slug} weighs {bytes.Length} bytes");
    }

    private static string ArabicDigits(int number) =>
        new(number.ToString("N0", System.Globalization.CultureInfo.InvariantCulture).Replace(",", "\u066c", StringComparison.Ordinal)
            .Select(c => c is >= '0' and <= '9' ? (char)('\u0660' + (c - '0')) : c).ToArray());
}
