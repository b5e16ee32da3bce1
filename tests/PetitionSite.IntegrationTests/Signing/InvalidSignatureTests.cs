using System.Net;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Signing;

public sealed class InvalidSignatureTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const string BadEmail = "Enter an email address in the correct format, like name@example.com";

    public static TheoryData<string, string, string> Mistakes => new()
    {
        { "FirstName", "", "Enter your first name" },
        { "FirstName", "   ", "Enter your first name" },
        { "LastName", "", "Enter your last name" },
        { "Email", "", "Enter your email address" },
        { "Email", "a@b", BadEmail },
        { "Email", "a b@c.org", BadEmail },
        { "Email", "\"x\" <a@b.org>", BadEmail },
        { "Country", "", "Select your country" },
        { "Country", "XX", "Select your country from the list" },
        { "Postcode", "SW1A;1AA", "Postcode can only contain letters, numbers, spaces and hyphens" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_mistake_is_shown_beside_its_field_and_in_the_summary_with_the_input_kept(string field, string value, string message)
    {
        var supporter = new Supporter("وليد", "دقة", $"walid-{Guid.NewGuid():N}@example.org", "PS", "12345", ShowNamePublicly: true, KeepInformed: true);
        var fields = supporter.FormFields().Select(f => f.Key == "Form." + field ? new(f.Key, value) : f).ToList();
        var storedBefore = await fixture.StoredSignaturesAsync();

        using var response = await fixture.NewSupporter().SendSignatureFormAsync(fields);
        var page = await WebPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        var summary = page.Document.QuerySelector(".error-summary")!;
        Assert.Equal("There is a problem", summary.QuerySelector("h3")?.TextContent);
        var summaryLink = Assert.Single(summary.QuerySelectorAll("a"));
        Assert.Equal(message, summaryLink.TextContent);
        Assert.Equal($"#Form_{field}", summaryLink.GetAttribute("href"));
        Assert.Equal($"Error: {message}", WebPage.Normalize(page.Document.QuerySelector($"#Form_{field}-error")?.TextContent));
        Assert.Equal("true", page.Document.QuerySelector($"#Form_{field}")?.GetAttribute("aria-invalid"));
        Assert.Single(page.Document.QuerySelectorAll(".error-message"));

        var kept = fields.ToDictionary(f => f.Key, f => f.Value.Trim());
        kept["Form.Country"] = field == "Country" ? "" : kept["Form.Country"];
        Assert.All(["FirstName", "LastName", "Email", "Country", "Postcode"], name => Assert.Equal(kept["Form." + name], page.ValueOf($"#Form_{name}")));
        Assert.NotNull(page.Document.QuerySelector("#Form_ShowNamePublicly")?.GetAttribute("checked"));
        Assert.NotNull(page.Document.QuerySelector("#Form_KeepInformed")?.GetAttribute("checked"));
        Assert.NotEmpty(page.FormToken);

        Assert.Equal(storedBefore, await fixture.StoredSignaturesAsync());
        await fixture.AssertNoEmailToAsync(supporter.Email);
    }

    [Fact]
    public async Task Every_mistake_is_listed_in_the_order_of_the_form()
    {
        using var response = await fixture.NewSupporter().SendSignatureFormAsync([new("Form.Postcode", "#")]);
        var page = await WebPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Equal(
            ["Enter your first name", "Enter your last name", "Enter your email address", "Select your country", "Postcode can only contain letters, numbers, spaces and hyphens"],
            page.Document.QuerySelectorAll(".error-summary a").Select(a => a.TextContent));
    }
}
