using System.Buffers.Text;
using System.Security.Cryptography;

namespace PetitionSite.Site;

// The secret in a one-time link (confirming a signature, accepting an invitation): the link holds the token, the database its hash.
public static class OneTimeTokens
{
    private const int TokenBytes = 32;

    // 32 random bytes, base64url in the link; only their SHA-256 hash is kept.
    public static (string Token, byte[] Hash) Mint()
    {
        Span<byte> bytes = stackalloc byte[TokenBytes];
        RandomNumberGenerator.Fill(bytes);
        return (Base64Url.EncodeToString(bytes), SHA256.HashData(bytes));
    }

    public static bool TryHash(string? token, out byte[] hash)
    {
        hash = [];
        if (string.IsNullOrEmpty(token) || token.Length != Base64Url.GetEncodedLength(TokenBytes))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[TokenBytes];
        try
        {
            if (!Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != TokenBytes)
            {
                return false;
            }
        }
        catch (FormatException)
        {
            // The decoder throws, rather than returning false, on a character outside base64url or on bits left over in the last one.
            return false;
        }

        hash = SHA256.HashData(bytes);
        return true;
    }
}
