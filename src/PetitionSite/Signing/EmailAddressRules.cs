using MimeKit;

namespace PetitionSite.Signing;

public static class EmailAddressRules
{
    // MimeKit's RFC 5322 parser decides; the address must be the whole input and have a dotted domain to be deliverable.
    public static bool IsDeliverable(string? value)
    {
        if (string.IsNullOrEmpty(value) || !TextRules.IsPlainText(value) || value.Any(char.IsWhiteSpace))
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

        var domain = value[(at + 1)..];
        return domain.Contains('.', StringComparison.Ordinal)
            && !domain.StartsWith('.')
            && !domain.EndsWith('.')
            && !domain.Contains("..", StringComparison.Ordinal);
    }
}
