using Microsoft.Extensions.Options;
using MimeKit;
using PetitionSite.Accounts;
using PetitionSite.Email;
using PetitionSite.Site;

namespace PetitionSite.Tests.Accounts;

public sealed class InvitationEmailsTests
{
    private const string Token = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

    private static readonly InvitationEmails Emails = new(
        Options.Create(new SiteOptions { PublicUrl = "https://petitions.example.org/" }),
        Options.Create(new SmtpOptions { From = "PetitionSite <no-reply@petitions.example.org>" }));

    private static readonly DateTime ExpiresAt = new(2026, 3, 14, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void The_invitation_has_the_link_in_a_text_and_an_html_part()
    {
        var composed = Emails.Compose("organiser@example.org", "admin@example.org", ExpiresAt, Token);
        const string link = "https://petitions.example.org/account/invitation/" + Token;

        Assert.Equal(link, composed.Link);
        Assert.Contains(link, composed.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", composed.Message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("organiser@example.org", Assert.Single(composed.Message.To.Mailboxes).Address);
        Assert.Equal("no-reply@petitions.example.org", Assert.Single(composed.Message.From.Mailboxes).Address);
    }

    [Fact]
    public void The_invitation_says_who_invited_them_and_until_when_the_link_works()
    {
        var message = Emails.Compose("organiser@example.org", "admin@example.org", ExpiresAt, Token).Message;

        Assert.Contains("admin@example.org has invited you", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("72 hours", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("14 March 2026 at 09:30 UTC", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("choose a password", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_in_the_inviters_address_is_escaped_in_the_html_part()
    {
        var message = Emails.Compose("organiser@example.org", "<b>admin</b>@example.org", ExpiresAt, Token).Message;

        Assert.DoesNotContain("<b>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void An_address_with_a_line_break_cannot_add_a_header()
    {
        var composed = Emails.Compose("organiser@example.org", "admin@example.org\r\nBcc: x@evil.org", ExpiresAt, Token).Message;
        using var wire = new MemoryStream();
        composed.WriteTo(wire);
        wire.Position = 0;
        var sent = MimeMessage.Load(wire);

        Assert.Empty(sent.Bcc);
        Assert.Equal("organiser@example.org", Assert.Single(sent.To.Mailboxes).Address);
    }
}
