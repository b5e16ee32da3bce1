using System.Net;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Email;

// Mail servers echo the address they refuse; the site keeps their answer, with the address masked.
public sealed class RefusedAddressTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task A_refusal_that_echoes_the_address_is_stored_and_logged_with_the_address_masked()
    {
        var supporter = Supporter.New() with { Email = $"refused.{Guid.NewGuid():N}@example.org" };
        fixture.Smtp.RefuseMailTo(supporter.Email);

        using var signed = await fixture.NewSupporter().SignAsync(supporter);
        Assert.Equal(HttpStatusCode.SeeOther, signed.StatusCode);
        var error = await LastErrorOfAsync(supporter.Email);

        Assert.Contains("Recipient address rejected", error, StringComparison.Ordinal);
        Assert.Contains("r***@example.org", error, StringComparison.Ordinal);
        Assert.DoesNotContain(supporter.Email, error, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(await fixture.Site.Logs.WaitForMentionOfAsync("r***@example.org"));
        Assert.Empty(fixture.Site.Logs.Mentioning(supporter.Email));
    }

    private async Task<string> LastErrorOfAsync(string email)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(20); waited += TimeSpan.FromMilliseconds(100))
        {
            var error = await fixture.Site.QueryAsync(db => db.OutboxMessages
                .Where(m => db.Signatures.Any(s => s.Id == m.SignatureId && s.Email == email) && m.LastError != null)
                .Select(m => m.LastError)
                .FirstOrDefaultAsync());
            if (error is not null)
            {
                return error;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The outbox recorded no refusal; {fixture.Smtp.Messages.Count} emails arrived.");
    }
}
