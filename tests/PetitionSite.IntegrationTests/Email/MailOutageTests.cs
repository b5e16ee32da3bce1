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
        await fixture.Smtp.StopAsync();

        using var signed = await client.SignAsync(supporter);

        Assert.Equal(HttpStatusCode.SeeOther, signed.StatusCode);
        Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        // Long enough for the sender to fail a few times and back off.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(OutboxState.Pending, await OutboxStateOfAsync(supporter.Email));

        await fixture.Smtp.StartAsync();
        var email = await fixture.Smtp.WaitForMessageToAsync(supporter.Email);
        await fixture.WaitForEarlierEmailsAsync();

        Assert.Single(fixture.Smtp.MessagesTo(supporter.Email));
        Assert.Equal(OutboxState.Sent, await OutboxStateOfAsync(supporter.Email));
        using var confirmed = await client.ConfirmAsync(PetitionSiteFactory.ConfirmationLinkIn(email));
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
    }

    private Task<OutboxState> OutboxStateOfAsync(string email) =>
        fixture.Site.QueryAsync(db => db.OutboxMessages
            .Where(m => db.Signatures.Any(s => s.Id == m.SignatureId && s.NormalizedEmail == email))
            .Select(m => m.State)
            .SingleAsync());
}
