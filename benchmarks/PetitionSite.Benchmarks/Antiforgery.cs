using System.Text.RegularExpressions;

namespace PetitionSite.Benchmarks;

// One GET gives a cookie and form token pair that stays valid for every later POST, as it does for a browser tab left open.
public sealed partial record Antiforgery(string Cookie, string FormToken)
{
    public static async Task<Antiforgery> FetchAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("petition-form=", StringComparison.Ordinal)).Split(';')[0];
        var html = await response.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        return token.Success ? new Antiforgery(cookie, token.Groups[1].Value) : throw new InvalidOperationException($"No form token on {path}.");
    }

    [GeneratedRegex("name=\"__form\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
