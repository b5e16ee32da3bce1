using PetitionSite.Email;

namespace PetitionSite.Tests.Email;

public sealed class OutboxOptionsTests
{
    private static readonly OutboxOptions Options = new() { RetryDelay = TimeSpan.FromSeconds(5), MaxRetryDelay = TimeSpan.FromMinutes(10) };

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 40)]
    [InlineData(7, 320)]
    public void The_wait_after_each_failure_doubles(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Options.Backoff(failures));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(20)]
    [InlineData(64)]
    [InlineData(int.MaxValue)]
    public void The_wait_stops_growing_at_the_maximum(int failures)
    {
        Assert.Equal(TimeSpan.FromMinutes(10), Options.Backoff(failures));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void No_failure_yet_waits_the_first_delay(int failures)
    {
        Assert.Equal(TimeSpan.FromSeconds(5), Options.Backoff(failures));
    }

    [Fact]
    public void The_defaults_start_at_five_seconds_and_cap_at_ten_minutes()
    {
        var defaults = new OutboxOptions();

        Assert.Equal(TimeSpan.FromSeconds(5), defaults.Backoff(1));
        Assert.Equal(TimeSpan.FromMinutes(10), defaults.Backoff(1000));
    }
}
