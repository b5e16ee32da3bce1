using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace PetitionSite.Confirmation;

public static class ConfirmationTokens
{
    private const int TokenBytes = 32;

    private static readonly SearchValues<char> UrlSafeAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

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
        Span<byte> bytes = stackalloc byte[TokenBytes];
        if (string.IsNullOrEmpty(token)
            || token.Length != Base64Url.GetEncodedLength(TokenBytes)
            // The decoder throws, rather than returning false, on characters outside its alphabet.
            || token.AsSpan().ContainsAnyExcept(UrlSafeAlphabet)
            || !Base64Url.TryDecodeFromChars(token, bytes, out var written)
            || written != TokenBytes)
        {
            return false;
        }

        hash = SHA256.HashData(bytes);
        return true;
    }
}
