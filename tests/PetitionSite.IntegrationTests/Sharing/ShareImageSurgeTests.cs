using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PetitionSite.Sharing;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Sharing;

// A site whose image has never been asked for: a surge of first requests shares one drawing.
public sealed class ShareImageSurgeTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task A_surge_of_first_requests_draws_the_image_once()
    {
        var requests = Enumerable.Range(0, 40).Select(async _ =>
        {
            using var response = await fixture.NewSupporter().Http.GetAsync("/petitions/" + PetitionSiteFactory.PetitionSlug + "/share.png", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return response.Headers.ETag!.Tag;
        });

        var tags = await Task.WhenAll(requests);

        Assert.Single(tags.Distinct());
        Assert.Equal(1, fixture.Site.Services.GetRequiredService<ShareImages>().Drawings);
    }
}
