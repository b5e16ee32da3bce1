using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PetitionSite.Signing;

namespace PetitionSite.Tests.Signing;

public sealed class CanonicalMailboxTests
{
    private static readonly CanonicalMailbox BuiltIn = new(Options.Create(new SigningOptions()));

    public static TheoryData<string, string> Addresses => new()
    {
        // Everyone: trimmed and lower-cased, nothing else.
        { "  Ada@Example.ORG ", "ada@example.org" },
        { "ada.lovelace+petitions@example.org", "ada.lovelace+petitions@example.org" },
        { "ada-lovelace@example.org", "ada-lovelace@example.org" },
        // Gmail: dots and +tags are spellings of one mailbox; googlemail.com is gmail.com.
        { "john@gmail.com", "john@gmail.com" },
        { "J.O.H.N@gmail.com", "john@gmail.com" },
        { "john+petitions@gmail.com", "john@gmail.com" },
        { "j.o.h.n+x.y+z@GMail.com", "john@gmail.com" },
        { "John.Smith+news@googlemail.com", "johnsmith@gmail.com" },
        { "+tag@gmail.com", "+tag@gmail.com" },
        { "...@gmail.com", "...@gmail.com" },
        // +tags only, dots kept: Outlook.com, iCloud (me.com and mac.com are icloud.com), Fastmail, Proton.
        { "john.smith+x@outlook.com", "john.smith@outlook.com" },
        { "john.smith+x@hotmail.com", "john.smith@hotmail.com" },
        { "john+x@live.com", "john@live.com" },
        { "john+x@hotmail.co.uk", "john@hotmail.co.uk" },
        { "john.smith+x@icloud.com", "john.smith@icloud.com" },
        { "john.smith+x@me.com", "john.smith@icloud.com" },
        { "john@mac.com", "john@icloud.com" },
        { "john+x@fastmail.com", "john@fastmail.com" },
        { "john+x@fastmail.fm", "john@fastmail.fm" },
        { "john+x@proton.me", "john@proton.me" },
        { "john+x@protonmail.com", "john@protonmail.com" },
        { "john+x@pm.me", "john@pm.me" },
        // Providers without a documented rule keep every character: Yahoo's "-" addresses are separate mailboxes here.
        { "john-news@yahoo.com", "john-news@yahoo.com" },
        { "john+news@yahoo.com", "john+news@yahoo.com" },
        { "j.o.h.n+x@example.com", "j.o.h.n+x@example.com" },
        // A subdomain is another domain, and a quoted local part is left as it is.
        { "john+x@mail.gmail.com", "john+x@mail.gmail.com" },
        { "\"j.o.h.n+x\"@gmail.com", "\"j.o.h.n+x\"@gmail.com" },
        // Not an address at all (a moderator's search, say): lower-cased only.
        { "John.Smith", "john.smith" },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public void Each_spelling_of_an_address_names_its_mailbox(string typed, string mailbox)
    {
        Assert.Equal(mailbox, BuiltIn.Of(typed));
    }

    [Fact]
    public void Configuration_adds_a_provider_and_replaces_a_built_in_rule()
    {
        var mailboxes = MailboxesFrom(new()
        {
            ["Signing:Mailboxes:Example.net:TagSeparator"] = "-",
            ["Signing:Mailboxes:example.net:IgnoresDots"] = "true",
            ["Signing:Mailboxes:example.com:SameMailboxesAs"] = "example.net",
            ["Signing:Mailboxes:outlook.com:TagSeparator"] = "",
        });

        Assert.Equal("johnsmith@example.net", mailboxes.Of("john.smith-news@example.net"));
        Assert.Equal("johnsmith@example.net", mailboxes.Of("John.Smith-x@example.com"));
        Assert.Equal("john+x@outlook.com", mailboxes.Of("john+x@outlook.com"));
        Assert.Equal("john@gmail.com", mailboxes.Of("j.ohn+x@googlemail.com"));
    }

    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "Signing:Mailboxes:localhost:TagSeparator", "+", "Signing:Mailboxes:localhost: \"localhost\" is not a domain such as example.org." },
        { "Signing:Mailboxes:example.net:TagSeparator", "++", "Signing:Mailboxes:example.net:TagSeparator must be one character such as + or -, or empty for none." },
        { "Signing:Mailboxes:example.net:TagSeparator", "@", "Signing:Mailboxes:example.net:TagSeparator must be one character such as + or -, or empty for none." },
        { "Signing:Mailboxes:example.net:SameMailboxesAs", "example.com", "Signing:Mailboxes:example.net:SameMailboxesAs must name another domain that has a rule of its own, such as gmail.com." },
        { "Signing:Mailboxes:example.net:SameMailboxesAs", "googlemail.com", "Signing:Mailboxes:example.net:SameMailboxesAs must name another domain that has a rule of its own, such as gmail.com." },
        { "Signing:Mailboxes:gmail.com:SameMailboxesAs", "icloud.com", "Signing:Mailboxes:googlemail.com:SameMailboxesAs must name another domain that has a rule of its own, such as gmail.com." },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_mailbox_rule_is_named_at_start_up(string key, string value, string problem)
    {
        var options = Bound(new() { [key] = value });

        var result = new SigningOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(problem, result.Failures!);
    }

    [Fact]
    public void The_built_in_table_is_valid()
    {
        Assert.Empty(new SigningOptions().Problems());
    }

    private static CanonicalMailbox MailboxesFrom(Dictionary<string, string?> settings) => new(Options.Create(Bound(settings)));

    private static SigningOptions Bound(Dictionary<string, string?> settings)
    {
        var options = new SigningOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(SigningOptions.Section).Bind(options);
        return options;
    }
}
