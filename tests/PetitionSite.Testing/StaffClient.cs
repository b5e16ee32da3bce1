using System.Net;

namespace PetitionSite.Testing;

// Drives the back office as an admin's or organiser's browser does: its own cookies, redirects left for the test to see.
public sealed class StaffClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public async Task<WebPage> OpenAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return await WebPage.ReadAsync(response);
    }

    // Sends a form as the page at formPage would (its antiforgery token included); formPage defaults to the action's own path.
    public async Task<HttpResponseMessage> PostFormAsync(string action, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var page = await OpenAsync(formPage ?? action);
        var body = fields.ToList();
        body.Add(new("__form", page.FormToken));
        using var content = new FormUrlEncodedContent(body);
        return await Http.PostAsync(action, content);
    }

    // Signs in through the login page, and the two-factor page when the account has a second factor.
    public async Task<HttpResponseMessage> SignInAsync(StaffMember member, string? returnUrl = null)
    {
        var login = "/account/login" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var response = await PostFormAsync(login, [new("Email", member.Email), new("Password", member.Password)]);
        if (response.StatusCode == HttpStatusCode.SeeOther && response.Headers.Location?.OriginalString.StartsWith("/account/login/two-factor", StringComparison.Ordinal) == true)
        {
            var twoFactor = response.Headers.Location.OriginalString;
            response.Dispose();
            response = await PostFormAsync(twoFactor, [new("Code", Totp.Code(member.AuthenticatorKey!)), new("UseRecoveryCode", "false")]);
        }

        return response;
    }
}
