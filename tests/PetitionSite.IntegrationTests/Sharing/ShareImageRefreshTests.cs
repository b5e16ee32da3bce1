using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using PetitionSite.Sharing;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Sharing;

// Images follow the count, but are redrawn at most once per Sharing:ImageRefreshInterval, never on a request.
public sealed class ShareImageRefreshTests(ShareImageRefreshTests.Fixture fixture) : IClassFixture<ShareImageRefreshTests.Fixture>
{
    public sealed class Fixture : ClockedSiteFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sharing:ImageRefreshInterval"] = "00:05:00" };
    }

    [Fact]
    public async Task A_moved_count_is_redrawn_after_the_refresh_interval_and_not_before()
    {
        var images = fixture.Site.Services.GetRequiredService<ShareImages>();
        var first = await TagAsync();
        var supporter = fixture.NewSupporter();
        using var confirmed = await supporter.ConfirmAsync(await fixture.SignAndGetLinkAsync(Supporter.New(), supporter));
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);

        fixture.Clock.Advance(TimeSpan.FromMinutes(4));
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Equal(first, await TagAsync());
        Assert.Equal(1, images.Drawings);

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var redrawn = await WaitForTagOtherThanAsync(first);
        Assert.NotEqual(first, redrawn);
        Assert.Equal(2, images.Drawings);

        // Nothing moved since: the next interval draws nothing.
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Equal(redrawn, await TagAsync());
        Assert.Equal(2, images.Drawings);
    }

    private async Task<EntityTagHeaderValue> TagAsync()
    {
        using var response = await fixture.NewSupporter().Http.GetAsync("/petitions/" + PetitionSiteFactory.PetitionSlug + "/share.png", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!;
    }

    private async Task<EntityTagHeaderValue> WaitForTagOtherThanAsync(EntityTagHeaderValue tag)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var now = await TagAsync();
            if (!now.Equals(tag) || DateTime.UtcNow > deadline)
            {
                return now;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
