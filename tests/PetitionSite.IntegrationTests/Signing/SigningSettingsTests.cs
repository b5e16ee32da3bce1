using Microsoft.Extensions.Options;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Signing;

public sealed class SigningSettingsTests
{
    [Fact]
    public async Task A_bad_signing_setting_stops_the_site_at_start_up_naming_it()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        await using var site = new PetitionSiteFactory(smtp, new Dictionary<string, string?>
        {
            ["Signing:EmailsPerAddressPerDay"] = "0",
            ["Signing:Mailboxes:example.net:SameMailboxesAs"] = "nowhere.example",
            ["Signing:DisposableDomains:Extra:0"] = "not a domain",
        });

        var failure = Assert.Throws<OptionsValidationException>(site.StartServer);

        Assert.Contains("Signing:EmailsPerAddressPerDay must be at least 1", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Signing:Mailboxes:example.net:SameMailboxesAs", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Signing:DisposableDomains:Extra: \"not a domain\"", failure.Message, StringComparison.Ordinal);
    }
}
