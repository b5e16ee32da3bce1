using System.Net;
using System.Text.RegularExpressions;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Confirmation;

public sealed class SmokeTests
{
    [Fact]
    public async Task Signing_and_confirming_by_email_adds_one_to_the_count()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        await using var site = new PetitionSiteFactory(smtp);
        var client = site.CreateClient(new() { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/petitions/free-walid-daqqah");
        var token = Regex.Match(page, "name=\"__form\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/petitions/free-walid-daqqah/signatures", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__form"] = token,
            ["Form.FirstName"] = "Ada",
            ["Form.LastName"] = "Lovelace",
            ["Form.Email"] = "ada@example.org",
            ["Form.Country"] = "GB",
        }));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var email = await smtp.WaitForMessageToAsync("ada@example.org");
        var link = new Uri(PetitionSiteFactory.ConfirmationLinkIn(email));
        var confirmPage = await client.GetStringAsync(link.PathAndQuery);
        var confirmToken = Regex.Match(confirmPage, "name=\"__form\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var confirmed = await client.PostAsync(link.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["__form"] = confirmToken }));
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        var count = await client.GetStringAsync("/petitions/free-walid-daqqah/count.json");
        Assert.Contains("\"signatures\":1", count, StringComparison.Ordinal);
    }
}
