using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PetitionSite.Petitions;
using PetitionSite.Signing;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Signing;

// Mail bombing: whatever is signed with an address, its mailbox gets at most Signing:EmailsPerAddressPerDay emails in 24 hours.
public sealed class DailyEmailShareTests(DailyEmailShareTests.Site fixture) : IClassFixture<DailyEmailShareTests.Site>
{
    private const int Share = 3;

    public sealed class Site : ClockedSiteFixture
    {
        public IReadOnlyList<string> Slugs { get; } = [PetitionSiteFactory.PetitionSlug, "second-petition", "third-petition", "fourth-petition"];

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Signing:EmailsPerAddressPerDay"] = Share.ToString(CultureInfo.InvariantCulture),
        };

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await Site.QueryAsync(db =>
            {
                foreach (var slug in Slugs.Skip(1))
                {
                    db.Petitions.Add(new Petition { Slug = slug, Title = slug, Summary = "Another.", BodyMarkdown = "Another.", Goal = 100, State = PetitionState.Open });
                }

                return db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task A_mailbox_gets_its_daily_share_of_emails_and_no_more_whatever_petitions_are_signed_with_it()
    {
        var name = "walid" + Guid.NewGuid().ToString("N")[..12];
        var mailbox = name + "@gmail.com";
        // Four petitions signed in four spellings of one mailbox, then the first signed again: five emails asked for.
        string[] spellings = [name + "@gmail.com", $"{name[..2]}.{name[2..]}@gmail.com", name + "+b@googlemail.com", $"{name[..1]}.{name[1..]}+c@gmail.com"];
        for (var i = 0; i < spellings.Length; i++)
        {
            using var signed = await fixture.NewSupporter().SignAsync(Supporter.New() with { Email = spellings[i] }, fixture.Slugs[i]);
            Assert.Equal(HttpStatusCode.SeeOther, signed.StatusCode);
        }

        using var again = await fixture.NewSupporter().SignAsync(Supporter.New() with { Email = spellings[0] });
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        await fixture.WaitForEarlierEmailsAsync();

        Assert.Equal(Share, EmailsTo(mailbox).Count);
        var stored = await fixture.SignaturesFromAsync(mailbox);
        Assert.Equal(fixture.Slugs.Count, stored.Count);
        Assert.All(stored, s => Assert.Equal(SignatureState.Pending, s.State));
        var unsent = await fixture.Site.QueryAsync(db => db.Signatures
            .Where(s => s.NormalizedEmail == mailbox && !db.OutboxMessages.Any(m => m.SignatureId == s.Id))
            .Select(s => s.Petition!.Slug).ToListAsync());
        Assert.Equal([fixture.Slugs[^1]], unsent);

        // A day after the first email, the one that could not go is sent when its signer signs again.
        fixture.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        using var nextDay = await fixture.NewSupporter().SignAsync(Supporter.New() with { Email = spellings[^1] }, fixture.Slugs[^1]);
        var link = PetitionSiteFactory.ConfirmationLinkIn((await fixture.Smtp.WaitForMessagesToAsync(spellings[^1], 1))[0]);
        using var confirmed = await fixture.NewSupporter().ConfirmAsync(link);
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        var last = fixture.Slugs[^1];
        Assert.Equal(SignatureState.Validated, await fixture.Site.QueryAsync(db => db.Signatures
            .Where(s => s.NormalizedEmail == mailbox && s.Petition!.Slug == last).Select(s => s.State).SingleAsync()));
        Assert.Equal(Share + 1, EmailsTo(mailbox).Count);
    }

    [Fact]
    public async Task Signing_one_petition_many_times_at_once_sends_no_more_than_the_share()
    {
        var supporter = Supporter.New();
        var client = fixture.NewSupporter();
        var token = (await client.OpenAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}")).FormToken;
        List<KeyValuePair<string, string>> fields = [.. supporter.FormFields(), new("__form", token)];

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.SendSignatureFormAsync(fields, withFormToken: false)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        await fixture.WaitForEarlierEmailsAsync();
        Assert.Equal(Share, fixture.Smtp.MessagesTo(supporter.Email).Count);
        Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    // Every email that reached the mailbox, in whatever spelling it was addressed.
    private List<MimeMessage> EmailsTo(string mailbox) =>
        fixture.Smtp.Messages.Where(m => m.To.Mailboxes.Any(to => fixture.Site.MailboxOf(to.Address) == mailbox)).ToList();
}
