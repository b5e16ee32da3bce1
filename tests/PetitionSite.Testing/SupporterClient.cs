using System.Net.Http.Json;
using PetitionSite.Petitions;

namespace PetitionSite.Testing;

// Drives the site as a supporter's browser does: open the page, send the form with its token, follow the link in the email.
public sealed class SupporterClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public async Task<WebPage> OpenAsync(string path)
    {
        using var response = await Http.GetAsync(PathOf(path));
        return await WebPage.ReadAsync(response);
    }

    public Task<HttpResponseMessage> SignAsync(Supporter supporter, string slug = PetitionSiteFactory.PetitionSlug) =>
        SendSignatureFormAsync(supporter.FormFields(), slug);

    // Sends any fields at all, with the form token from a fresh copy of the page unless told not to.
    public async Task<HttpResponseMessage> SendSignatureFormAsync(
        IEnumerable<KeyValuePair<string, string>> fields,
        string slug = PetitionSiteFactory.PetitionSlug,
        bool withFormToken = true)
    {
        var body = fields.ToList();
        if (withFormToken)
        {
            var page = await OpenAsync($"/petitions/{slug}");
            body.Add(new("__form", page.FormToken));
        }

        using var content = new FormUrlEncodedContent(body);
        return await Http.PostAsync($"/petitions/{slug}/signatures", content);
    }

    // Opens the link from the email and presses "Confirm my signature".
    public async Task<HttpResponseMessage> ConfirmAsync(string link)
    {
        var page = await OpenAsync(link);
        return await SendConfirmationAsync(link, page.FormToken);
    }

    // Presses "Confirm my signature" on a page opened earlier, with that page's form token.
    public Task<HttpResponseMessage> SendConfirmationAsync(string link, string formToken) => PressButtonAsync(link, formToken);

    // Opens the withdrawal link from an email and presses "Withdraw my signature".
    public async Task<HttpResponseMessage> WithdrawAsync(string link)
    {
        var page = await OpenAsync(link);
        return await SendWithdrawalAsync(link, page.FormToken);
    }

    // Presses "Withdraw my signature" on a page opened earlier, with that page's form token.
    public Task<HttpResponseMessage> SendWithdrawalAsync(string link, string formToken) => PressButtonAsync(link, formToken);

    public async Task<PetitionCount> CountAsync(string slug = PetitionSiteFactory.PetitionSlug) =>
        await Http.GetFromJsonAsync<PetitionCount>($"/petitions/{slug}/count.json")
        ?? throw new InvalidOperationException("count.json was empty.");

    // A page opened from an email link has one button, which posts its form token back to the same address.
    private async Task<HttpResponseMessage> PressButtonAsync(string link, string formToken)
    {
        using var content = new FormUrlEncodedContent([new("__form", formToken)]);
        return await Http.PostAsync(PathOf(link), content);
    }

    // Links in emails carry the public host; the test server answers on its own, where the form cookie lives.
    private static string PathOf(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) ? uri.PathAndQuery : link;
}
