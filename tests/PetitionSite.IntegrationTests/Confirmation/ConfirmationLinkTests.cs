using System.Net;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Confirmation;

// Links that were never sent, or were copied badly: a page that says so, never a server error.
public sealed class ConfirmationLinkTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    public static TheoryData<string> BadTokens => new()
    {
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ",
        "abc",
        new string('A', 42) + "B",
        new string('A', 42),
        new string('A', 44),
        new string('A', 2000),
        Uri.EscapeDataString(new string('A', 42) + "+"),
        Uri.EscapeDataString(new string('A', 41) + "=="),
        Uri.EscapeDataString(new string('é', 43)),
        Uri.EscapeDataString("<script>alert(1)</script>"),
        "%00%00%00",
        "..%2F..%2Fetc%2Fpasswd",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task An_unknown_or_malformed_link_opens_a_not_found_page(string token)
    {
        var page = await fixture.NewSupporter().OpenAsync($"/signatures/confirm/{token}");

        AssertUnknownLinkPage(page);
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Pressing_the_button_for_an_unknown_or_malformed_link_counts_nothing(string token)
    {
        var client = fixture.NewSupporter();
        var formToken = (await client.OpenAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}")).FormToken;
        var before = await fixture.PublicCountAsync();

        using var withToken = await client.SendConfirmationAsync($"/signatures/confirm/{token}", formToken);
        using var withoutToken = await client.SendConfirmationAsync($"/signatures/confirm/{token}", "");

        AssertUnknownLinkPage(await WebPage.ReadAsync(withToken));
        AssertUnknownLinkPage(await WebPage.ReadAsync(withoutToken));
        Assert.Equal(before, await fixture.PublicCountAsync());
    }

    [Fact]
    public async Task A_link_with_a_character_changed_is_unknown()
    {
        var link = await fixture.SignAndGetLinkAsync(Supporter.New());
        var token = link.LastIndexOf('/') + 1;

        foreach (var at in new[] { token, link.Length - 1 })
        {
            var altered = link[..at] + (link[at] == 'A' ? 'B' : 'A') + link[(at + 1)..];

            AssertUnknownLinkPage(await fixture.NewSupporter().OpenAsync(altered));
        }
    }

    private static void AssertUnknownLinkPage(WebPage page)
    {
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("We do not recognise this link", page.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains(page.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/");
        Assert.Null(page.Document.QuerySelector("main form"));
    }
}
