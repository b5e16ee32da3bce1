using Microsoft.Extensions.Options;
using MimeKit;
using PetitionSite.Confirmation;
using PetitionSite.Email;
using PetitionSite.Languages;
using PetitionSite.Site;
using PetitionSite.Tests.Languages;

namespace PetitionSite.Tests.Confirmation;

public sealed class SignatureEmailsTests
{
    private const string Token = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";
    private const string WithdrawalToken = "QPONMLKJIHGFEDCBAzyxwvutsrqponmlkjihgfedcba";

    private static readonly SignatureEmails Emails = new(
        Options.Create(new SiteOptions { PublicUrl = "https://petitions.example.org/" }),
        Options.Create(new SmtpOptions { From = "PetitionSite <no-reply@petitions.example.org>" }),
        SiteTexts.For<EmailText>());

    [Fact]
    public void The_confirmation_request_names_the_petition_and_the_supporter()
    {
        var email = Emails.Compose(Due("Ada", "Lovelace"), Token, WithdrawalToken).Message;

        Assert.Contains("Free Walid Daqqah!", email.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Please confirm your signature", email.Subject, StringComparison.Ordinal);
        var to = Assert.Single(email.To.Mailboxes);
        Assert.Equal("Ada Lovelace", to.Name);
        Assert.Equal("ada@example.org", to.Address);
        Assert.Equal("no-reply@petitions.example.org", Assert.Single(email.From.Mailboxes).Address);
    }

    [Fact]
    public void The_confirmation_request_has_a_text_and_an_html_part_with_the_link()
    {
        var composed = Emails.Compose(Due("Ada", "Lovelace"), Token, WithdrawalToken);
        const string link = "https://petitions.example.org/signatures/confirm/" + Token;

        Assert.Equal(link, composed.Link);
        Assert.Contains(link, composed.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", composed.Message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Confirm my signature", composed.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("7 days", composed.Message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Someone_already_confirmed_is_told_so_without_a_link()
    {
        var composed = Emails.Compose(Due("Ada", "Lovelace", OutboxMessageKind.AlreadySigned), token: null, WithdrawalToken);

        Assert.Null(composed.Link);
        Assert.StartsWith("You have already signed", composed.Message.Subject, StringComparison.Ordinal);
        Assert.Contains("Free Walid Daqqah!", composed.Message.Subject, StringComparison.Ordinal);
        Assert.Contains("already signed", composed.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://petitions.example.org/petitions/free-walid-daqqah", composed.Message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/signatures/confirm/", composed.Message.TextBody, StringComparison.Ordinal);
        Assert.NotNull(composed.Message.HtmlBody);
    }

    [Fact]
    public void A_name_with_a_line_break_cannot_add_a_header()
    {
        var sent = RoundTrip(Emails.Compose(Due("Ada\r\nBcc: x@evil.org", "Lovelace\r\nX-Evil: yes"), Token, WithdrawalToken).Message);

        Assert.Empty(sent.Bcc);
        Assert.Empty(sent.Cc);
        Assert.False(sent.Headers.Contains(HeaderId.Bcc));
        Assert.False(sent.Headers.Contains("X-Evil"));
        var to = Assert.Single(sent.To.Mailboxes);
        Assert.Equal("ada@example.org", to.Address);
        Assert.DoesNotContain(sent.To.Mailboxes.Concat(sent.Cc.Mailboxes).Concat(sent.Bcc.Mailboxes), m => m.Address.Contains("evil", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_with_markup_is_escaped_in_the_html_part()
    {
        var message = Emails.Compose(Due("<script>alert(1)</script>", "Lovelace"), Token, WithdrawalToken).Message;

        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_in_another_script_survives_the_trip()
    {
        var sent = RoundTrip(Emails.Compose(Due("وليد", "دقة"), Token, WithdrawalToken).Message);

        Assert.Equal("وليد دقة", Assert.Single(sent.To.Mailboxes).Name);
        Assert.Contains("Dear وليد,", sent.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OutboxMessageKind.ConfirmationRequest)]
    [InlineData(OutboxMessageKind.AlreadySigned)]
    public void Every_email_about_a_signature_carries_a_link_to_withdraw_it(OutboxMessageKind kind)
    {
        var composed = Emails.Compose(Due("Ada", "Lovelace", kind), kind == OutboxMessageKind.ConfirmationRequest ? Token : null, WithdrawalToken);
        const string link = "https://petitions.example.org/signatures/withdraw/" + WithdrawalToken;

        Assert.Contains(link, composed.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", composed.Message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Withdraw my signature", composed.Message.TextBody, StringComparison.Ordinal);
        // The pickup folder logs the link to open; the withdrawal link is never the one.
        Assert.NotEqual(link, composed.Link);
    }

    [Fact]
    public void A_signature_made_in_french_gets_its_email_in_french_with_french_links()
    {
        var composed = Emails.Compose(Due("Ada", "Lovelace") with { Language = "fr", PetitionTitle = "Libérez Walid Daqqah !" }, Token, WithdrawalToken);

        Assert.Equal("Veuillez confirmer votre signature : Libérez Walid Daqqah !", composed.Message.Subject);
        Assert.Equal("https://petitions.example.org/fr/signatures/confirm/" + Token, composed.Link);
        Assert.Contains("Bonjour Ada,", composed.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("« Confirmer ma signature »", composed.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Le lien est valable 7 jours.", composed.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://petitions.example.org/fr/signatures/withdraw/" + WithdrawalToken, composed.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<div lang=\"fr\" dir=\"ltr\">", composed.Message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_made_in_arabic_gets_its_email_in_arabic_right_to_left_with_arabic_digits()
    {
        var composed = Emails.Compose(Due("وليد", "دقة", OutboxMessageKind.ConfirmationRequest) with { Language = "ar" }, Token, WithdrawalToken);

        Assert.Equal("يرجى تأكيد توقيعك: Free Walid Daqqah!", composed.Message.Subject);
        Assert.Equal("https://petitions.example.org/ar/signatures/confirm/" + Token, composed.Link);
        Assert.Contains("مرحبًا وليد،", composed.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("مدة صلاحية الرابط بالأيام: ٧.", composed.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<div lang=\"ar\" dir=\"rtl\">", composed.Message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Composing_in_another_language_leaves_the_callers_language_as_it_was()
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;

        Emails.Compose(Due("Ada", "Lovelace") with { Language = "ar" }, Token, WithdrawalToken);

        Assert.Equal(before, System.Globalization.CultureInfo.CurrentUICulture);
    }

    private static SignatureMessage Due(string firstName, string lastName, OutboxMessageKind kind = OutboxMessageKind.ConfirmationRequest) =>
        new(kind, 1, firstName, lastName, "ada@example.org", "free-walid-daqqah", "Free Walid Daqqah!");

    // What the receiving server reads: the message as bytes on the wire, parsed again.
    private static MimeMessage RoundTrip(MimeMessage message)
    {
        using var wire = new MemoryStream();
        message.WriteTo(wire);
        wire.Position = 0;
        return MimeMessage.Load(wire);
    }
}
