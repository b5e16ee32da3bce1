using System.Text.RegularExpressions;

namespace PetitionSite.Email;

// Logged in place of an address: "walid@example.org" is written "w***@example.org", enough to follow a message, not to harvest addresses.
public readonly partial record struct EmailMask(string? Address)
{
    public override string ToString()
    {
        if (string.IsNullOrEmpty(Address))
        {
            return "";
        }

        var at = Address.LastIndexOf('@');
        return at <= 0 ? "***" : string.Concat(Address.AsSpan(0, 1), "***", Address.AsSpan(at));
    }

    // Masks every address in a free text, such as a mail server's refusal ("5.1.1 <bob@example.org>: no such user"), which often echoes it.
    public static string InText(string text) => AddressInText().Replace(text, match => new EmailMask(match.Value).ToString());

    // A quoted or plain local part, then a domain of letters, digits, dots and hyphens in any script.
    [GeneratedRegex("""(?:"[^"\r\n]*"|[^\s<>@"',;:()\[\]]+)@[\p{L}\p{N}][\p{L}\p{N}.-]*""")]
    private static partial Regex AddressInText();
}
