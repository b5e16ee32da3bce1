using System.Buffers;

namespace PetitionSite.Signing;

// A `?source=` value names a channel (a share button, a newsletter, a partner site). It is never typed by the signer,
// so a strange value is trimmed to what can be kept, not refused: lower-case letters, digits, '-', '_' and '.'.
public static class SignatureSource
{
    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_.");

    public static string? Clean(string? source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return null;
        }

        var lower = source.Trim().ToLowerInvariant();
        var kept = string.Concat(lower.Where(Allowed.Contains));
        if (kept.Length > SignatureLimits.SourceLength)
        {
            kept = kept[..SignatureLimits.SourceLength];
        }

        return kept.Length == 0 ? null : kept;
    }
}
