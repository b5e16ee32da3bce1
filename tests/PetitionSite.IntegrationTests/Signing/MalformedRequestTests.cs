using System.Net;
using System.Text;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Signing;

// Whatever arrives, the answer is a page that says what went wrong: never a server error.
public sealed class MalformedRequestTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    public static TheoryData<string, HttpStatusCode> Bodies => new()
    {
        { "a checkbox sent as maybe", HttpStatusCode.UnprocessableEntity },
        { "a name of 10,000 characters", HttpStatusCode.UnprocessableEntity },
        { "a hundred fields", HttpStatusCode.BadRequest },
        { "a field name of 300 characters", HttpStatusCode.BadRequest },
        { "a value of 5 MB", HttpStatusCode.BadRequest },
        { "multipart without a boundary", HttpStatusCode.UnsupportedMediaType },
        { "multipart cut short", HttpStatusCode.UnsupportedMediaType },
        { "json", HttpStatusCode.UnsupportedMediaType },
        { "random bytes", HttpStatusCode.BadRequest },
        { "bad percent escapes", HttpStatusCode.BadRequest },
        { "an empty body", HttpStatusCode.BadRequest },
        { "no content type", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_strange_signature_request_gets_a_page_not_a_server_error(string body, HttpStatusCode expected)
    {
        var client = fixture.NewSupporter();
        var token = (await client.OpenAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}")).FormToken;
        var storedBefore = await fixture.StoredSignaturesAsync();
        using var content = Body(body, token);

        using var response = await client.Http.PostAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}/signatures", content);
        var page = await WebPage.ReadAsync(response);

        Assert.Equal(expected, page.Status);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(page.Document.QuerySelector("main h1, main .error-summary"));
        Assert.DoesNotContain("Exception", page.Text, StringComparison.Ordinal);
        Assert.Equal(storedBefore, await fixture.StoredSignaturesAsync());
    }

    [Theory]
    [InlineData("a value of 5 MB")]
    [InlineData("a hundred fields")]
    [InlineData("random bytes")]
    public async Task A_strange_confirmation_request_gets_a_page_not_a_server_error(string body)
    {
        var client = fixture.NewSupporter();
        var token = (await client.OpenAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}")).FormToken;
        using var content = Body(body, token);

        using var response = await client.Http.PostAsync("/signatures/confirm/" + new string('A', 43), content);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, response.StatusCode.ToString());
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_site_keeps_working_after_strange_requests()
    {
        var supporter = Supporter.New();
        var client = fixture.NewSupporter();
        var token = (await client.OpenAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}")).FormToken;
        foreach (var (body, expected) in Bodies.Select(row => row.Data))
        {
            using var content = Body(body, token);
            using var strange = await client.Http.PostAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}/signatures", content);
            Assert.Equal(expected, strange.StatusCode);
        }

        await fixture.SignAndGetLinkAsync(supporter, client);

        Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
    }

    private static ByteArrayContent Body(string name, string token)
    {
        List<KeyValuePair<string, string>> valid = [.. Supporter.New().FormFields(), new("__form", token)];
        return name switch
        {
            "a checkbox sent as maybe" => Form([.. valid, new("Form.ShowNamePublicly", "maybe")]),
            "a name of 10,000 characters" => Form([.. valid.Where(f => f.Key != "Form.FirstName"), new("Form.FirstName", new string('x', 10_000))]),
            "a hundred fields" => Form([.. valid, .. Enumerable.Range(0, 100).Select(i => new KeyValuePair<string, string>($"extra{i}", "1"))]),
            "a field name of 300 characters" => Form([.. valid, new(new string('k', 300), "1")]),
            "a value of 5 MB" => Form([.. valid, new("Form.LastName", new string('x', 5_000_000))]),
            "multipart without a boundary" => Raw("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n"),
            "multipart cut short" => Raw("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"Form.FirstName\"\r\n\r\nAda"),
            "json" => Raw("application/json", "{\"Form\":{\"FirstName\":\"Ada\"}}"),
            "random bytes" => RandomBytes(),
            "bad percent escapes" => Raw("application/x-www-form-urlencoded", "Form.FirstName=%E0%A4%A&Form.Email=%%%&__form=%ZZ"),
            "an empty body" => Raw("application/x-www-form-urlencoded", ""),
            "no content type" => new ByteArrayContent(Encoding.UTF8.GetBytes("Form.FirstName=Ada")),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    private static FormUrlEncodedContent Form(IEnumerable<KeyValuePair<string, string>> fields) => new(fields);

    private static StringContent Raw(string contentType, string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static ByteArrayContent RandomBytes()
    {
        var bytes = new byte[64 * 1024];
        new Random(42).NextBytes(bytes);
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        return content;
    }
}
