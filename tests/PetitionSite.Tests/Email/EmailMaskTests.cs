using PetitionSite.Email;

namespace PetitionSite.Tests.Email;

public sealed class EmailMaskTests
{
    [Theory]
    [InlineData("walid@example.org", "w***@example.org")]
    [InlineData("a@example.org", "a***@example.org")]
    [InlineData("first.last+tag@mail.example.co.uk", "f***@mail.example.co.uk")]
    [InlineData("\"odd@local\"@example.org", "\"***@example.org")]
    [InlineData("no-at-sign", "***")]
    [InlineData("@example.org", "***")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Logs_show_only_the_first_letter_and_the_domain(string? address, string shown)
    {
        Assert.Equal(shown, new EmailMask(address).ToString());
    }

    [Fact]
    public void A_masked_address_never_contains_the_local_part()
    {
        var shown = new EmailMask("supporter.secret@example.org").ToString();

        Assert.DoesNotContain("secret", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5.1.1 <bob.smith@example.org>: Recipient address rejected: User unknown", "5.1.1 <b***@example.org>: Recipient address rejected: User unknown")]
    [InlineData("550 5.1.1 bob@example.org... User unknown", "550 5.1.1 b***@example.org... User unknown")]
    [InlineData("Mailbox full for a@one.example and b+tag@two.example", "Mailbox full for a***@one.example and b***@two.example")]
    [InlineData("5.7.1 \"odd local\"@example.org refused", "5.7.1 \"***@example.org refused")]
    [InlineData("<وليد@مثال.شبكة> unknown", "<و***@مثال.شبكة> unknown")]
    [InlineData("4.7.0 Try again later", "4.7.0 Try again later")]
    [InlineData("", "")]
    public void Addresses_in_a_mail_servers_answer_are_masked(string answer, string logged)
    {
        Assert.Equal(logged, EmailMask.InText(answer));
    }
}
