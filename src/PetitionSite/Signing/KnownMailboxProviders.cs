namespace PetitionSite.Signing;

// Providers that deliver many spellings of an address to one mailbox, as they document it. Signing:Mailboxes adds to
// or replaces these per domain. Left out on purpose: Yahoo's "base-keyword" addresses (the base name is chosen per
// account, not the account's name, so the mailbox cannot be told from the address) and providers that document no tags.
public static class KnownMailboxProviders
{
    public static IReadOnlyDictionary<string, MailboxRule> Rules { get; } = new Dictionary<string, MailboxRule>(StringComparer.Ordinal)
    {
        // Google, "Dots don't matter in Gmail addresses" (support.google.com/mail/answer/7436150), and "+anything"
        // reaches the same inbox; googlemail.com is the name Gmail once had in Germany and the UK, the same accounts.
        ["gmail.com"] = new() { IgnoresDots = true, TagSeparator = "+" },
        ["googlemail.com"] = new() { SameMailboxesAs = "gmail.com" },

        // Microsoft's Outlook.com (and its older Hotmail, Live and MSN names) has delivered "+tag" to the mailbox
        // since 2013; Microsoft documents the same rule for its business mail in "Plus addressing in Exchange Online".
        ["outlook.com"] = Plus(),
        ["hotmail.com"] = Plus(),
        ["live.com"] = Plus(),
        ["msn.com"] = Plus(),
        ["hotmail.co.uk"] = Plus(),
        ["hotmail.fr"] = Plus(),
        ["hotmail.de"] = Plus(),
        ["hotmail.it"] = Plus(),
        ["hotmail.es"] = Plus(),
        ["live.co.uk"] = Plus(),
        ["live.fr"] = Plus(),
        ["outlook.fr"] = Plus(),
        ["outlook.de"] = Plus(),

        // Apple, "About your @icloud.com, @me.com, and @mac.com email addresses" (support.apple.com/118230): the
        // older names are the same accounts; iCloud Mail delivers "+tag" to the mailbox (receiving only).
        ["icloud.com"] = Plus(),
        ["me.com"] = new() { SameMailboxesAs = "icloud.com" },
        ["mac.com"] = new() { SameMailboxesAs = "icloud.com" },

        // Fastmail, "Plus addressing and subdomain addressing" (fastmail.help). Its subdomain form
        // (anything@name.fastmail.com) is not folded here: that would need every subdomain of its many domains.
        ["fastmail.com"] = Plus(),
        ["fastmail.fm"] = Plus(),

        // Proton, "Types of email addresses and aliases" (proton.me/support/addresses-and-aliases): "+aliases".
        ["proton.me"] = Plus(),
        ["protonmail.com"] = Plus(),
        ["protonmail.ch"] = Plus(),
        ["pm.me"] = Plus(),
    };

    private static MailboxRule Plus() => new() { TagSeparator = "+" };
}
