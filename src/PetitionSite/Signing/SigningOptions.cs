namespace PetitionSite.Signing;

// Bound from "Signing": who may sign with which address, and how much email one mailbox may be sent.
public sealed class SigningOptions
{
    public const string Section = "Signing";

    // Emails of every kind one mailbox can be sent in any 24 hours, whatever it signs: a few petitions and a lost link
    // or two, while whoever types someone else's address into the form can put at most this many into their inbox.
    public int EmailsPerAddressPerDay { get; set; } = 5;

    // Per domain, how its provider maps addresses onto mailboxes; replaces the built-in rule of the same domain.
    public Dictionary<string, MailboxRule> Mailboxes { get; set; } = [];

    public DisposableDomainOptions DisposableDomains { get; set; } = new();

    // The built-in table with the configured rules over it, by lower-cased domain.
    public static Dictionary<string, MailboxRule> MailboxRulesWith(IReadOnlyDictionary<string, MailboxRule> configured)
    {
        var rules = new Dictionary<string, MailboxRule>(KnownMailboxProviders.Rules, StringComparer.Ordinal);
        foreach (var (domain, rule) in configured)
        {
            rules[domain.Trim().ToLowerInvariant()] = rule;
        }

        return rules;
    }

    // What is wrong with these settings, each naming its setting; empty when the site can start.
    public IEnumerable<string> Problems()
    {
        if (EmailsPerAddressPerDay < 1)
        {
            yield return "Signing:EmailsPerAddressPerDay must be at least 1: with 0 nobody could ever confirm a signature.";
        }

        var rules = MailboxRulesWith(Mailboxes);
        foreach (var (domain, rule) in Mailboxes)
        {
            var setting = $"Signing:Mailboxes:{domain}";
            if (!IsDomain(domain))
            {
                yield return $"{setting}: \"{domain}\" is not a domain such as example.org.";
            }

            if (rule.TagSeparator is { Length: > 1 } or "@" or "." or "\"")
            {
                yield return $"{setting}:TagSeparator must be one character such as + or -, or empty for none.";
            }
        }

        // One step only: the domain named must have a rule of its own, not point on again.
        foreach (var (domain, rule) in rules)
        {
            if (rule.SameMailboxesAs is { } same
                && (!rules.TryGetValue(same.Trim().ToLowerInvariant(), out var target) || target.SameMailboxesAs is not null))
            {
                yield return $"Signing:Mailboxes:{domain}:SameMailboxesAs must name another domain that has a rule of its own, such as gmail.com.";
            }
        }

        foreach (var (name, domains) in new[] { ("Extra", DisposableDomains.Extra), ("Allowed", DisposableDomains.Allowed) })
        {
            foreach (var domain in domains.Where(d => !IsDomain(d)))
            {
                yield return $"Signing:DisposableDomains:{name}: \"{domain}\" is not a domain such as example.org.";
            }
        }
    }

    private static bool IsDomain(string? value) =>
        value is not null
        && value.Trim() is { Length: > 2 } domain
        && domain.Contains('.', StringComparison.Ordinal)
        && !domain.StartsWith('.') && !domain.EndsWith('.')
        && domain.All(c => char.IsLetterOrDigit(c) || c is '.' or '-');
}
