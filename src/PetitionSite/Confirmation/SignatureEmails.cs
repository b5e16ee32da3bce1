using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using PetitionSite.Email;
using PetitionSite.Languages;
using PetitionSite.Site;

namespace PetitionSite.Confirmation;

// The words of the emails a supporter receives, in the language they signed in (Resources/Languages/EmailText.*.resx);
// each carries a link to withdraw the signature, and every link opens its page in that language.
// MimeKit encodes every header, so no input can add one.
public sealed class SignatureEmails(IOptions<SiteOptions> site, IOptions<SmtpOptions> smtp, IStringLocalizer<EmailText> text)
{
    // Text in any script stays as it is (the part is transfer-encoded), rather than becoming &#x...; escapes.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public OutgoingEmail Compose(SignatureMessage due, string? token, string withdrawalToken)
    {
        using var language = LanguageScope.Enter(due.Language);
        string Link(string path) => site.Value.LinkTo(LocalAddress.Of(due.Language, path));

        var petitionUrl = Link($"petitions/{Uri.EscapeDataString(due.PetitionSlug)}");
        var withdrawal = Link($"signatures/withdraw/{withdrawalToken}");
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.Value.From));
        message.To.Add(new MailboxAddress($"{due.FirstName} {due.LastName}", due.Email));
        message.Headers.Add("Auto-Submitted", "auto-generated");

        string? link = null;
        Body body;
        if (due.Kind == OutboxMessageKind.ConfirmationRequest && token is not null)
        {
            link = Link($"signatures/confirm/{token}");
            message.Subject = text["ConfirmSubject", due.PetitionTitle];
            body = ConfirmationRequest(due, link, site.Value.ConfirmationLinkLifetime, withdrawal);
        }
        else
        {
            message.Subject = text["AlreadySignedSubject", due.PetitionTitle];
            body = AlreadySigned(due, petitionUrl, withdrawal);
        }

        if (due.UnsubscribeLink is { } unsubscribe)
        {
            // Ticking "keep me informed" made this the start of ongoing contact: mail clients offer their own
            // unsubscribe button for it (RFC 2369), which posts without asking the reader again (RFC 8058).
            message.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe}>");
            message.Headers.Add(HeaderId.ListUnsubscribePost, "List-Unsubscribe=One-Click");
            body.AddText($"{text["KeptInformed"]} {text["ToStopOpen"]} {unsubscribe}");
            body.AddHtml($"<p>{Html.Encode(text["KeptInformed"])} <a href=\"{Html.Encode(unsubscribe)}\">{Html.Encode(text["StopTheseEmails"])}</a>.</p>");
        }

        message.Body = body.ToMessageBody(SiteLanguages.Current);
        return new OutgoingEmail(message, link);
    }

    private Body ConfirmationRequest(SignatureMessage due, string link, TimeSpan lifetime, string withdrawal)
    {
        var days = Math.Max(1, (int)Math.Round(lifetime.TotalDays));
        return new Body()
            .Paragraph(text["Greeting", due.FirstName])
            .Paragraph(text["ThanksForSigning", due.PetitionTitle])
            .Paragraph(text["ConfirmToCount", text["ConfirmButton"]])
            .Link(link)
            .Paragraph(text[LocalFormat.Plural("LinkWorksFor", days), LocalFormat.Number(days)])
            .Paragraph(text["WithdrawAnyTime", text["WithdrawButton"]])
            .Link(withdrawal);
    }

    private Body AlreadySigned(SignatureMessage due, string petitionUrl, string withdrawal) => new Body()
        .Paragraph(text["Greeting", due.FirstName])
        .Paragraph($"{text["SignedAgain", due.PetitionTitle]} {text["AlreadyCounted"]}")
        .Paragraph(text["ShareIt"], petitionUrl)
        .Paragraph(text["WithdrawNow", text["WithdrawButton"]])
        .Link(withdrawal);

    // The same paragraphs as plain text and as HTML, the HTML one encoded; a link is shown as itself in both.
    private sealed class Body
    {
        private readonly List<string> text = [];
        private readonly List<string> html = [];

        public Body Paragraph(string sentence)
        {
            text.Add(sentence);
            html.Add($"<p>{Html.Encode(sentence)}</p>");
            return this;
        }

        // A sentence that ends with a link: "Help the petition grow by sharing it: https://…".
        public Body Paragraph(string sentence, string link)
        {
            text.Add($"{sentence} {link}");
            html.Add($"<p>{Html.Encode(sentence)} <a href=\"{Html.Encode(link)}\">{Html.Encode(link)}</a></p>");
            return this;
        }

        public Body Link(string link)
        {
            text.Add(link);
            html.Add($"<p><a href=\"{Html.Encode(link)}\">{Html.Encode(link)}</a></p>");
            return this;
        }

        public void AddText(string paragraph) => text.Add(paragraph);

        public void AddHtml(string paragraph) => html.Add(paragraph);

        // The HTML names its language and direction, so an Arabic email reads right to left in any mail client.
        public MimeEntity ToMessageBody(string language) => new BodyBuilder
        {
            TextBody = string.Join("\n\n", text) + "\n",
            HtmlBody = $"<div lang=\"{language}\" dir=\"{SiteLanguages.DirectionOf(language)}\">\n{string.Join("\n", html)}\n</div>\n",
        }.ToMessageBody();
    }
}
