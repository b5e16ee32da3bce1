using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using MimeKit;
using PetitionSite.Email;
using PetitionSite.Site;

namespace PetitionSite.Confirmation;

// The words of the emails a supporter receives; each carries a link to withdraw the signature. MimeKit encodes every header, so no input can add one.
public sealed class SignatureEmails(IOptions<SiteOptions> site, IOptions<SmtpOptions> smtp)
{
    // Text in any script stays as it is (the part is transfer-encoded), rather than becoming &#x...; escapes.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public OutgoingEmail Compose(SignatureMessage due, string? token, string withdrawalToken)
    {
        var petitionUrl = site.Value.LinkTo($"petitions/{Uri.EscapeDataString(due.PetitionSlug)}");
        var withdrawal = site.Value.LinkTo($"signatures/withdraw/{withdrawalToken}");
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.Value.From));
        message.To.Add(new MailboxAddress($"{due.FirstName} {due.LastName}", due.Email));
        message.Headers.Add("Auto-Submitted", "auto-generated");

        string? link = null;
        BodyBuilder body;
        if (due.Kind == OutboxMessageKind.ConfirmationRequest && token is not null)
        {
            link = site.Value.LinkTo($"signatures/confirm/{token}");
            message.Subject = $"Please confirm your signature: {due.PetitionTitle}";
            body = ConfirmationRequest(due, link, site.Value.ConfirmationLinkLifetime, withdrawal);
        }
        else
        {
            message.Subject = $"You have already signed: {due.PetitionTitle}";
            body = AlreadySigned(due, petitionUrl, withdrawal);
        }

        if (due.UnsubscribeLink is { } unsubscribe)
        {
            // Ticking "keep me informed" made this the start of ongoing contact: mail clients offer their own
            // unsubscribe button for it (RFC 2369), which posts without asking the reader again (RFC 8058).
            message.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe}>");
            message.Headers.Add(HeaderId.ListUnsubscribePost, "List-Unsubscribe=One-Click");
            body.TextBody += $"\n\nYou asked to be kept informed about this campaign by email. To stop, open: {unsubscribe}\n";
            body.HtmlBody += $"<p>You asked to be kept informed about this campaign by email. <a href=\"{Html.Encode(unsubscribe)}\">Stop these emails</a>.</p>";
        }

        message.Body = body.ToMessageBody();
        return new OutgoingEmail(message, link);
    }

    private static BodyBuilder ConfirmationRequest(SignatureMessage due, string link, TimeSpan lifetime, string withdrawal)
    {
        var days = Math.Max(1, (int)Math.Round(lifetime.TotalDays));
        var validity = days == 1 ? "1 day" : $"{days} days";
        return new BodyBuilder
        {
            TextBody = $"""
                Dear {due.FirstName},

                Thank you for signing "{due.PetitionTitle}".

                Your signature counts only once you confirm it. Open this link and press "Confirm my signature":

                {link}

                The link works for {validity}. If you did not sign this petition, ignore this email: nothing will be counted.

                To withdraw this signature and have your name and email address deleted, now or at any time later, open this link and press "Withdraw my signature":

                {withdrawal}
                """,
            HtmlBody = $"""
                <p>Dear {Html.Encode(due.FirstName)},</p>
                <p>Thank you for signing “{Html.Encode(due.PetitionTitle)}”.</p>
                <p>Your signature counts only once you confirm it. Open this link and press “Confirm my signature”:</p>
                <p><a href="{Html.Encode(link)}">{Html.Encode(link)}</a></p>
                <p>The link works for {validity}. If you did not sign this petition, ignore this email: nothing will be counted.</p>
                <p>To withdraw this signature and have your name and email address deleted, now or at any time later, open this link and press “Withdraw my signature”:</p>
                <p><a href="{Html.Encode(withdrawal)}">{Html.Encode(withdrawal)}</a></p>
                """,
        };
    }

    private static BodyBuilder AlreadySigned(SignatureMessage due, string petitionUrl, string withdrawal) => new()
    {
        TextBody = $"""
            Dear {due.FirstName},

            Someone, probably you, tried to sign "{due.PetitionTitle}" again with this email address.
            You have already signed and your signature is confirmed: it is counted once, and nothing more is needed.

            Help the petition grow by sharing it: {petitionUrl}

            To withdraw your signature and have your name and email address deleted, open this link and press "Withdraw my signature":

            {withdrawal}
            """,
        HtmlBody = $"""
            <p>Dear {Html.Encode(due.FirstName)},</p>
            <p>Someone, probably you, tried to sign “{Html.Encode(due.PetitionTitle)}” again with this email address.
            You have already signed and your signature is confirmed: it is counted once, and nothing more is needed.</p>
            <p>Help the petition grow by sharing it: <a href="{Html.Encode(petitionUrl)}">{Html.Encode(petitionUrl)}</a></p>
            <p>To withdraw your signature and have your name and email address deleted, open this link and press “Withdraw my signature”:</p>
            <p><a href="{Html.Encode(withdrawal)}">{Html.Encode(withdrawal)}</a></p>
            """,
    };
}
