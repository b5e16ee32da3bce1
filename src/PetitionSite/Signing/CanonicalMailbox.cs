using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace PetitionSite.Signing;

// The mailbox an address reaches, as Signature.NormalizedEmail stores it: one mailbox, one signature per petition,
// however its owner spells it. Every lookup of a signer by address goes through Of, so they all agree.
public sealed class CanonicalMailbox
{
    private readonly FrozenDictionary<string, (string Domain, bool IgnoresDots, char? TagSeparator)> providers;

    public CanonicalMailbox(IOptions<SigningOptions> options)
    {
        var rules = SigningOptions.MailboxRulesWith(options.Value.Mailboxes);
        providers = rules.ToFrozenDictionary(
            entry => entry.Key,
            entry =>
            {
                var domain = entry.Value.SameMailboxesAs?.Trim().ToLowerInvariant() ?? entry.Key;
                var rule = rules.GetValueOrDefault(domain, entry.Value);
                return (domain, rule.IgnoresDots, string.IsNullOrEmpty(rule.TagSeparator) ? (char?)null : rule.TagSeparator[0]);
            },
            StringComparer.Ordinal);
    }

    // Trimmed and lower-cased, then the provider's rules: "J.O.H.N+petitions@googlemail.com" is "john@gmail.com".
    public string Of(string email)
    {
        var address = email.Trim().ToLowerInvariant();
        var at = address.LastIndexOf('@');
        // A quoted local part is left alone: none of these providers accepts one, so it names no mailbox of theirs.
        if (at <= 0 || address[0] == '"' || !providers.TryGetValue(address[(at + 1)..], out var provider))
        {
            return address;
        }

        var local = address[..at];
        if (provider.TagSeparator is { } separator && local.IndexOf(separator, StringComparison.Ordinal) is > 0 and var tag)
        {
            local = local[..tag];
        }

        if (provider.IgnoresDots && local.Replace(".", "", StringComparison.Ordinal) is { Length: > 0 } dotless)
        {
            local = dotless;
        }

        return local + "@" + provider.Domain;
    }
}
