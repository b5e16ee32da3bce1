using MimeKit;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Email;

// Emails that arrive: encoded so that any relay passes them on intact, in any language, and named by the site's domain.
public sealed class EmailStandardsTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("وليد", "دقّة")]
    [InlineData("Hélène", "Lefèvre-Żółć")]
    [InlineData("Ada", "Lovelace")]
    public async Task Every_part_of_an_email_is_seven_bit_clean_with_its_transfer_encoding(string firstName, string lastName)
    {
        var supporter = Supporter.New(firstName, lastName);
        await fixture.SignAndGetLinkAsync(supporter);
        var email = await fixture.Smtp.WaitForMessageToAsync(supporter.Email);

        var raw = fixture.Smtp.RawOf(email);
        Assert.All(raw, b => Assert.True(b < 0x80, "The raw message has a byte over 127"));
        var parts = email.BodyParts.OfType<TextPart>().ToList();
        Assert.Equal(2, parts.Count);
        Assert.All(parts, part =>
        {
            Assert.True(part.Headers.Contains(HeaderId.ContentTransferEncoding), $"{part.ContentType.MimeType} has no Content-Transfer-Encoding");
            Assert.Contains(part.ContentTransferEncoding, (ContentEncoding[])[ContentEncoding.QuotedPrintable, ContentEncoding.Base64, ContentEncoding.SevenBit]);
            Assert.Contains(firstName, part.Text, StringComparison.Ordinal);
        });
        Assert.Equal($"{firstName} {lastName}", Assert.Single(email.To.Mailboxes).Name);
    }

    [Fact]
    public async Task An_email_is_identified_on_the_site_domain()
    {
        var supporter = Supporter.New();
        await fixture.SignAndGetLinkAsync(supporter);
        var email = await fixture.Smtp.WaitForMessageToAsync(supporter.Email);

        Assert.EndsWith("@petitions.test", email.MessageId, StringComparison.Ordinal);
        Assert.NotEqual(default, email.Date);
    }

    [Fact]
    public async Task Two_emails_never_share_an_identifier()
    {
        var (first, second) = (Supporter.New(), Supporter.New());
        await fixture.SignAndGetLinkAsync(first);
        await fixture.SignAndGetLinkAsync(second);

        var ids = new[] { first, second }.Select(s => fixture.Smtp.MessagesTo(s.Email).Single().MessageId).ToList();

        Assert.Equal(2, ids.Distinct().Count());
    }

    [Fact]
    public async Task An_email_without_ongoing_contact_has_no_unsubscribe_header()
    {
        var supporter = Supporter.New() with { KeepInformed = false };
        await fixture.SignAndGetLinkAsync(supporter);
        var email = await fixture.Smtp.WaitForMessageToAsync(supporter.Email);

        Assert.False(email.Headers.Contains(HeaderId.ListUnsubscribe));
        Assert.False(email.Headers.Contains(HeaderId.ListUnsubscribePost));
        Assert.False(email.Headers.Contains(HeaderId.DkimSignature));
    }
}
