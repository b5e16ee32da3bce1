using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using MimeKit;
using PetitionSite.Email;
using PetitionSite.Site;

namespace PetitionSite.Accounts;

// The words of the email that invites an organiser. MimeKit encodes every header, so no input can add one.
public sealed class InvitationEmails(IOptions<SiteOptions> site, IOptions<SmtpOptions> smtp)
{
    // Text in any script stays as it is (the part is transfer-encoded), rather than becoming &#x...; escapes.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public OutgoingEmail Compose(string email, string? invitedBy, DateTime expiresAt, string token)
    {
        var link = site.Value.LinkTo($"account/invitation/{token}");
        var siteUrl = site.Value.PublicUri.ToString();
        var inviter = string.IsNullOrEmpty(invitedBy) ? "An admin of the petition site" : invitedBy;
        var hours = (int)Math.Round(Invitation.Lifetime.TotalHours);
        var until = expiresAt.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.Value.From));
        message.To.Add(new MailboxAddress("", email));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Subject = "You are invited to organise petitions";
        message.Body = new BodyBuilder
        {
            TextBody = $"""
                Hello,

                {inviter} has invited you to the back office of {siteUrl} as a petition organiser.
                There you can follow the petitions assigned to you.

                To accept, open this link and choose a password:

                {link}

                The link works once, for {hours} hours: until {until}. If it has expired, ask {inviter} for a new one.
                If you did not expect this email, ignore it: no account is usable without that password.
                """,
            HtmlBody = $"""
                <p>Hello,</p>
                <p>{Html.Encode(inviter)} has invited you to the back office of {Html.Encode(siteUrl)} as a petition organiser.
                There you can follow the petitions assigned to you.</p>
                <p>To accept, open this link and choose a password:</p>
                <p><a href="{Html.Encode(link)}">{Html.Encode(link)}</a></p>
                <p>The link works once, for {hours} hours: until {until}. If it has expired, ask {Html.Encode(inviter)} for a new one.
                If you did not expect this email, ignore it: no account is usable without that password.</p>
                """,
        }.ToMessageBody();
        return new OutgoingEmail(message, link);
    }
}
