using System.Globalization;
using MimeKit;

namespace PetitionSite.Signing;

public static class EmailAddressRules
{
    // MimeKit's RFC 5322 parser decides; the address must be the whole input and have a dotted domain to be deliverable.
    public static bool IsDeliverable(string? value)
    {
        // Format characters (a zero-width space, say) make an address that looks like another but is not.
        if (string.IsNullOrEmpty(value) || !TextRules.IsPlainText(value) || value.Any(char.IsWhiteSpace) || value.Any(c => char.GetUnicodeCategory(c) == UnicodeCategory.Format))
        {
            return false;
        }

        if (!MailboxAddress.TryParse(ParserOptions.Default, value, out var mailbox) || !string.IsNullOrEmpty(mailbox.Name) || mailbox.Address != value)
        {
            return false;
        }

        var at = value.LastIndexOf('@');
        if (at <= 0)
        {
            return false;
        }

        // A domain name, not an address literal such as [127.0.0.1]: mail would go straight to whatever that machine is.
        var domain = value[(at + 1)..];
        return domain.Contains('.', StringComparison.Ordinal)
            && !domain.StartsWith('[')
            && !domain.StartsWith('.')
            && !domain.EndsWith('.')
            && !domain.Contains("..", StringComparison.Ordinal);
    }
}
