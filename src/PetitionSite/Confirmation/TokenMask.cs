namespace PetitionSite.Confirmation;

// Confirmation tokens are secrets: logs keep only their first characters, enough to tell two links apart.
public static class TokenMask
{
    private const string ConfirmPath = "/signatures/confirm/";
    private const int KeptCharacters = 4;

    // Masks the token in a path or link such as "https://site/signatures/confirm/AbCd…"; anything else is returned as it is.
    public static string InLink(string pathOrLink)
    {
        var start = pathOrLink.IndexOf(ConfirmPath, StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return pathOrLink;
        }

        var token = start + ConfirmPath.Length;
        var end = pathOrLink.IndexOfAny(['/', '?', '#'], token);
        var length = (end < 0 ? pathOrLink.Length : end) - token;
        return length <= KeptCharacters
            ? pathOrLink
            : string.Concat(pathOrLink.AsSpan(0, token + KeptCharacters), "…", end < 0 ? "" : pathOrLink.AsSpan(end));
    }
}
