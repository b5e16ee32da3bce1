using System.Globalization;
using System.Text;

namespace PetitionSite.Signing;

public static class TextRules
{
    // Letters of any script pass; control characters, line separators, broken surrogates and direction controls do not,
    // nor U+FFFD, which stands where the bytes sent were not valid UTF-8: the text was damaged on its way.
    public static bool IsPlainText(string? value) => IsPlain(value, lineBreaks: false);

    // The same for text of several lines, such as Markdown: line breaks and tabs are part of it.
    public static bool IsPlainLines(string? value) => IsPlain(value, lineBreaks: true);

    // Text that is there but cannot be seen (zero-width spaces, joiners, fillers) is no name and no title.
    public static bool IsInvisible(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        foreach (var rune in value.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune) && !IsBlank(rune))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPlain(string? value, bool lineBreaks)
    {
        if (value is null)
        {
            return true;
        }

        var remaining = value.AsSpan();
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(remaining, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            var allowed = lineBreaks && rune.Value is '\n' or '\r' or '\t';
            if (!allowed && (IsControl(rune) || IsDirectionControl(rune) || rune == Rune.ReplacementChar))
            {
                return false;
            }

            remaining = remaining[consumed..];
        }

        return true;
    }

    private static bool IsControl(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse;

    // Embeddings, overrides and isolates reorder the text around them (in a list of names, a CSV file, an email), so that
    // it reads differently from what it is. Nobody needs to type them: the browser sets the direction of what is typed.
    // The right-to-left and left-to-right marks (U+200E, U+200F) stay: they only nudge neutral characters.
    private static bool IsDirectionControl(Rune rune) => rune.Value is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069;

    // Format characters (zero-width space and joiners, soft hyphen, byte-order mark), marks with nothing to sit on, and the
    // filler letters that render as blank space.
    private static bool IsBlank(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Control
        || rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800;
}
