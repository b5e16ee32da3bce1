using System.Net;
using PetitionSite.IntegrationTests.Site;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Signing;

public sealed class SigningRateLimitTests(LimitedSiteFixture fixture) : IClassFixture<LimitedSiteFixture>
{
    private static readonly int Wait = LimitedSiteFixture.SecondsToWaitFor(LimitedSiteFixture.SigningPerClient);

    [Fact]
    public async Task Signing_too_often_from_one_address_is_refused_with_a_wait_and_nothing_is_stored_or_sent()
    {
        var household = fixture.Site.CreateSupporterAt(IPAddress.Parse("198.51.100.10"));
        for (var i = 0; i < LimitedSiteFixture.SigningPerClient; i++)
        {
            using var accepted = await household.SignAsync(Supporter.New($"Member{i}"));
            Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        }

        var refused = Supporter.New("OneTooMany");
        using var response = await household.SignAsync(refused);

        await RefusalPage.AssertRefusedAsync(response, Wait, "about 20 minutes");
        Assert.Empty(await fixture.SignaturesFromAsync(refused.Email));
        await fixture.AssertNoEmailToAsync(refused.Email);
    }

    [Fact]
    public async Task Another_address_can_sign_while_one_is_refused()
    {
        var busy = fixture.Site.CreateSupporterAt(IPAddress.Parse("198.51.100.11"));
        for (var i = 0; i < LimitedSiteFixture.SigningPerClient; i++)
        {
            using var _ = await busy.SignAsync(Supporter.New());
        }

        using var refused = await busy.SignAsync(Supporter.New());
        using var neighbour = await fixture.Site.CreateSupporterAt(IPAddress.Parse("198.51.100.12")).SignAsync(Supporter.New());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, neighbour.StatusCode);
    }

    [Fact]
    public async Task An_IPv6_host_rotating_addresses_inside_its_64_is_limited_as_one_and_the_next_64_is_not()
    {
        string[] sameHost = ["2001:db8:aa:1::1", "2001:db8:aa:1::2", "2001:db8:aa:1:8000::3", "2001:db8:aa:1:ffff:ffff:ffff:ffff"];
        var statuses = new List<HttpStatusCode>();
        foreach (var address in sameHost)
        {
            using var response = await fixture.Site.CreateSupporterAt(IPAddress.Parse(address)).SignAsync(Supporter.New());
            statuses.Add(response.StatusCode);
        }

        using var nextNetwork = await fixture.Site.CreateSupporterAt(IPAddress.Parse("2001:db8:aa:2::1")).SignAsync(Supporter.New());

        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.SeeOther, nextNetwork.StatusCode);
    }

    [Fact]
    public async Task Signing_with_one_email_address_too_often_is_refused_from_any_address()
    {
        var supporter = Supporter.New("Repeated");
        var sameMailbox = supporter with { Email = supporter.Email.ToUpperInvariant() };
        var statuses = new List<HttpStatusCode>();
        foreach (var attempt in new[] { supporter, sameMailbox })
        {
            using var response = await fixture.NewSupporter().SignAsync(attempt);
            statuses.Add(response.StatusCode);
        }

        await fixture.Smtp.WaitForMessagesToAsync(supporter.Email, LimitedSiteFixture.SigningPerEmail);
        using var refused = await fixture.NewSupporter().SignAsync(sameMailbox);

        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther], statuses);
        await RefusalPage.AssertRefusedAsync(refused, LimitedSiteFixture.SecondsToWaitFor(LimitedSiteFixture.SigningPerEmail), "about 30 minutes");
        Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        await fixture.WaitForEarlierEmailsAsync();
        Assert.Equal(LimitedSiteFixture.SigningPerEmail, fixture.Smtp.MessagesTo(supporter.Email).Count);
    }

    [Fact]
    public async Task A_form_with_mistakes_does_not_count_against_its_email_address()
    {
        var supporter = Supporter.New("Careless");
        for (var i = 0; i < LimitedSiteFixture.SigningPerEmail + 1; i++)
        {
            using var invalid = await fixture.NewSupporter().SignAsync(supporter with { FirstName = "" });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        }

        using var corrected = await fixture.NewSupporter().SignAsync(supporter);

        Assert.Equal(HttpStatusCode.SeeOther, corrected.StatusCode);
    }
}
