using System.Globalization;
using System.Net;
using MimeKit;
using PetitionSite.Signing;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Signing;

// One mailbox, one signature: the spellings a provider delivers to one mailbox sign once, and mail goes where it was typed.
public sealed class OneMailboxTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Gmail_spellings_of_one_mailbox_sign_once_and_the_first_email_goes_to_the_address_as_typed()
    {
        var name = "walid" + Guid.NewGuid().ToString("N")[..12];
        var typed = $"W.A.L.I.D.{name[5..]}+Petitions@GoogleMail.com";
        var client = fixture.NewSupporter();

        using var first = await client.SignAsync(Supporter.New() with { Email = typed });

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        var email = await fixture.Smtp.WaitForMessageAsync(m => SentTo(m, typed));
        var stored = Assert.Single(await fixture.SignaturesFromAsync(typed));
        Assert.Equal((typed, name + "@gmail.com"), (stored.Email, stored.NormalizedEmail));

        // Signed again in two other spellings: the same page, still one signature, and the mailbox is told.
        using var again = await fixture.NewSupporter().SignAsync(Supporter.New("Augusta") with { Email = name + "@gmail.com" });
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Single(await fixture.SignaturesFromAsync(name + "@gmail.com"));
        var reminder = (await fixture.Smtp.WaitForMessagesToAsync(typed, 2))[1];
        Assert.StartsWith("Please confirm your signature", reminder.Subject, StringComparison.Ordinal);

        using var confirmed = await client.ConfirmAsync(PetitionSiteFactory.ConfirmationLinkIn(email));
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        var count = await fixture.PublicCountAsync();
        using var third = await fixture.NewSupporter().SignAsync(Supporter.New() with { Email = $"{name[..3]}.{name[3..]}+again@gmail.com" });
        Assert.Equal(HttpStatusCode.SeeOther, third.StatusCode);
        var told = (await fixture.Smtp.WaitForMessagesToAsync(typed, 3))[2];
        Assert.StartsWith("You have already signed", told.Subject, StringComparison.Ordinal);
        Assert.Equal(SignatureState.Validated, Assert.Single(await fixture.SignaturesFromAsync(typed)).State);
        Assert.Equal(count, await fixture.PublicCountAsync());
    }

    [Fact]
    public async Task A_tagged_address_at_a_provider_that_delivers_tags_is_its_mailbox()
    {
        var name = "ada" + Guid.NewGuid().ToString("N")[..12];
        await fixture.SignAndGetLinkAsync(Supporter.New() with { Email = $"{name}+one@outlook.com" });

        using var again = await fixture.NewSupporter().SignAsync(Supporter.New() with { Email = $"{name}+two@outlook.com" });

        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        var stored = Assert.Single(await fixture.SignaturesFromAsync($"{name}@outlook.com"));
        Assert.Equal($"{name}+one@outlook.com", stored.Email);
    }

    [Fact]
    public async Task Elsewhere_dots_and_tags_are_different_mailboxes()
    {
        var name = "ada" + Guid.NewGuid().ToString("N")[..12];
        string[] addresses = [$"{name}@example.org", $"{name[..3]}.{name[3..]}@example.org", $"{name}+x@example.org"];

        foreach (var address in addresses)
        {
            await fixture.SignAndGetLinkAsync(Supporter.New() with { Email = address });
        }

        var stored = await Task.WhenAll(addresses.Select(fixture.SignaturesFromAsync));
        Assert.Equal(addresses, stored.Select(found => Assert.Single(found).NormalizedEmail));
    }

    [Fact]
    public async Task Moderators_find_a_signature_by_any_spelling_of_its_mailbox()
    {
        var name = "omar" + Guid.NewGuid().ToString("N")[..12];
        await fixture.SignAndGetLinkAsync(Supporter.New() with { Email = name + "@gmail.com" });
        var (client, _) = await fixture.Site.SignedInStaffAsync($"moderator-{Guid.NewGuid():N}@example.org");

        var page = await client.OpenAsync($"/admin/petitions/{PetitionSiteFactory.PetitionSlug}/signatures?Email=" + Uri.EscapeDataString($"{name[..2]}.{name[2..]}+x@googlemail.com"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var id = Assert.Single(page.Document.QuerySelectorAll("input[name=Ids]")).GetAttribute("value");
        Assert.Equal(Assert.Single(await fixture.SignaturesFromAsync(name + "@gmail.com")).Id, long.Parse(id!, CultureInfo.InvariantCulture));
    }

    // Exactly as typed, capitals and all: the mailbox form is for finding signatures, never for sending.
    private static bool SentTo(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.Ordinal));
}
