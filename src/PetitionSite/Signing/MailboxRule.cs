namespace PetitionSite.Signing;

// How one email provider maps the addresses it accepts onto mailboxes. Bound from Signing:Mailboxes:<domain>.
public sealed class MailboxRule
{
    // The provider ignores dots in the local part (Gmail): j.o.h.n@ and john@ are one mailbox.
    public bool IgnoresDots { get; set; }

    // The character after which the provider ignores the rest of the local part ("+": john+news@ is john@); empty for none.
    public string? TagSeparator { get; set; }

    // Another domain of the same provider whose mailboxes these are (googlemail.com is gmail.com); that domain's rule applies.
    public string? SameMailboxesAs { get; set; }
}
