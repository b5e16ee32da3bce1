using PetitionSite.Admin.FraudReview;

namespace PetitionSite.Tests.Admin;

public sealed class FraudReviewOptionsTests
{
    private static readonly FraudReviewOptions Defaults = new();

    [Theory]
    [InlineData(9, 10, 1, null)]
    [InlineData(10, 100, 1, "10% of the window, flagged from 10%")]
    [InlineData(12, 200, 1, null)]
    [InlineData(30, 1000, 1, "30 or more in an hour")]
    [InlineData(719, 100000, 24, null)]
    [InlineData(720, 100000, 24, "720 or more in 24 hours")]
    public void A_network_or_domain_is_unusual_above_a_share_or_an_hourly_count_once_it_has_a_few_signatures(int signatures, int window, double hours, string? reason) =>
        Assert.Equal(reason, Defaults.UnusualVolume(signatures, window, hours));

    [Fact]
    public void Large_mail_providers_are_listed_and_configuration_adds_more()
    {
        var options = new FraudReviewOptions { ExtraLargeProviders = [" @Example-Mail.org "] };

        Assert.True(options.IsLargeProvider("gmail.com"));
        Assert.True(options.IsLargeProvider("example-mail.org"));
        Assert.False(options.IsLargeProvider("bots.example.net"));
    }

    [Fact]
    public void An_interval_is_a_spike_far_above_the_median_and_above_a_floor()
    {
        var spikes = Defaults.Spikes([2, 3, 2, 4, 15, 2, 40, 3], out var median);

        Assert.Equal(3, median);
        Assert.Equal([false, false, false, false, true, false, true, false], spikes);
    }

    [Fact]
    public void In_a_quiet_window_the_floor_decides_not_a_median_of_zero()
    {
        var spikes = Defaults.Spikes([0, 0, 1, 0, 9, 10, 0], out var median);

        Assert.Equal(0, median);
        Assert.Equal([false, false, false, false, false, true, false], spikes);
    }
}
