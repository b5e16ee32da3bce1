namespace PetitionSite.Confirmation;

// Confirmation, withdrawal, unsubscribe and invitation tokens are secrets: logs keep only their first characters, enough to tell two links apart.
public static class TokenMask
{
    private static readonly string[] TokenPaths = ["/signatures/confirm/", "/signatures/withdraw/", "/signatures/unsubscribe/", "/account/invitation/"];
    private const int KeptCharacters = 4;

    // Masks the token in a path or link such as "https://site/signatures/confirm/AbCd…"; anything else is returned as it is.
    public static string InLink(string pathOrLink)
    {
        foreach (var tokenPath in TokenPaths)
        {
            var start = pathOrLink.IndexOf(tokenPath, StringComparison.OrdinalIgnoreCase);
            if (start >= 0)
            {
                return Masked(pathOrLink, start + tokenPath.Length);
            }
        }

        return pathOrLink;
    }

    private static string Masked(string pathOrLink, int token)
    {
        var end = pathOrLink.IndexOfAny(['/', '?', '#'], token);
        var length = (end < 0 ? pathOrLink.Length : end) - token;
        return length <= KeptCharacters
            ? pathOrLink
            : string.Concat(pathOrLink.AsSpan(0, token + KeptCharacters), "…", end < 0 ? "" : pathOrLink.AsSpan(end));
    }
}
