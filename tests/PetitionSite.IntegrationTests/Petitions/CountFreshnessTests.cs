using System.Diagnostics;
using System.Net;
using PetitionSite.Petitions;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Petitions;

// Cached copies follow confirmations at most once a second (CountRefresh), so readers stay fast on a viral day;
// the person who just confirmed always sees their own signature counted.
public sealed class CountFreshnessTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private static readonly TimeSpan StalenessBound = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_count_shown_to_first_visitors_is_never_more_than_two_seconds_old()
    {
        var link = await fixture.SignAndGetLinkAsync(Supporter.New());
        var cached = (await fixture.NewSupporter().CountAsync()).Signatures;
        var supporter = fixture.NewSupporter();

        using var confirmed = await supporter.ConfirmAsync(link);
        var clock = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        int shown;
        do
        {
            shown = (await fixture.NewSupporter().CountAsync()).Signatures;
            if (shown == cached + 1)
            {
                break;
            }

            await Task.Delay(50);
        }
        while (clock.Elapsed < StalenessBound + TimeSpan.FromSeconds(1));

        Assert.Equal(cached + 1, shown);
        Assert.True(clock.Elapsed <= StalenessBound, $"First visitors saw the new count after {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(CountRefresh.Interval < StalenessBound);
    }

    [Fact]
    public async Task Whoever_confirms_sees_their_own_signature_on_the_thanks_page_and_the_petition_page()
    {
        var supporter = fixture.NewSupporter();
        var link = await fixture.SignAndGetLinkAsync(Supporter.New(), supporter);
        var before = (await fixture.NewSupporter().CountAsync()).Signatures;

        using var confirmed = await supporter.ConfirmAsync(link);
        var thanks = await supporter.OpenAsync(confirmed.Headers.Location!.OriginalString);
        var petition = await supporter.OpenAsync("/petitions/" + PetitionSiteFactory.PetitionSlug);

        var expected = (before + 1).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"now has {expected} confirmed", thanks.Text, StringComparison.Ordinal);
        Assert.Contains(expected, petition.Document.QuerySelector(".count")!.TextContent, StringComparison.Ordinal);
    }
}
