using System.Net;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Email;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Email;

// The outbox keeps an email through a mail server outage and sends it once the server is back.
public sealed class MailOutageTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task An_email_held_up_by_a_mail_outage_arrives_exactly_once_when_the_server_returns()
    {
        var supporter = Supporter.New();
        var client = fixture.NewSupporter();
        // The site holds its connection to the mail server open between emails; the outage breaks it.
        await fixture.WaitForEarlierEmailsAsync();
        await fixture.Smtp.GoDownAsync();

        using var signed = await client.SignAsync(supporter);

        Assert.Equal(HttpStatusCode.SeeOther, signed.StatusCode);
        Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        // The sender keeps coming back while the server is down, and an outage uses up none of the email's attempts.
        await fixture.Smtp.WaitForConnectionsWhileDownAsync(2);
        Assert.Equal((OutboxState.Pending, 0), await OutboxStateOfAsync(supporter.Email));
        Assert.Empty(fixture.Smtp.MessagesTo(supporter.Email));

        await fixture.Smtp.StartAsync();
        var email = await fixture.Smtp.WaitForMessageToAsync(supporter.Email);
        await fixture.WaitForEarlierEmailsAsync();

        Assert.Single(fixture.Smtp.MessagesTo(supporter.Email));
        Assert.Equal((OutboxState.Sent, 1), await OutboxStateOfAsync(supporter.Email));
        using var confirmed = await client.ConfirmAsync(PetitionSiteFactory.ConfirmationLinkIn(email));
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
    }

    private async Task<(OutboxState State, int Attempts)> OutboxStateOfAsync(string email)
    {
        var message = await fixture.Site.QueryAsync(db => db.OutboxMessages
            .Where(m => db.Signatures.Any(s => s.Id == m.SignatureId && s.NormalizedEmail == email))
            .Select(m => new { m.State, m.Attempts })
            .SingleAsync());
        return (message.State, message.Attempts);
    }
}
