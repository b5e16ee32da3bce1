using System.Globalization;
using System.Text;

namespace PetitionSite.Signing;

public static class TextRules
{
    // Letters of any script pass; control characters, line separators and broken surrogates do not.
    public static bool IsPlainText(string? value)
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

            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse)
            {
                return false;
            }

            remaining = remaining[consumed..];
        }

        return true;
    }
}
