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
}
