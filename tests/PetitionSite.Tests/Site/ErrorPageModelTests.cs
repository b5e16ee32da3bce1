using PetitionSite.Site;

namespace PetitionSite.Tests.Site;

public sealed class ErrorPageModelTests
{
    [Theory]
    [InlineData(1, "WaitFewSeconds", 0)]
    [InlineData(10, "WaitFewSeconds", 0)]
    [InlineData(11, "WaitSeconds", 15)]
    [InlineData(30, "WaitSeconds", 30)]
    [InlineData(54, "WaitSeconds", 55)]
    [InlineData(55, "WaitMinute", 1)]
    [InlineData(60, "WaitMinute", 1)]
    [InlineData(61, "WaitMinutes", 2)]
    [InlineData(90, "WaitMinutes", 2)]
    [InlineData(720, "WaitMinutes", 12)]
    [InlineData(5340, "WaitMinutes", 89)]
    [InlineData(5400, "WaitHours", 2)]
    [InlineData(86400, "WaitHours", 24)]
    public void A_wait_is_said_in_plain_words_rounded_up(int seconds, string words, long amount)
    {
        Assert.Equal((words, amount), ErrorPageModel.WaitOf(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Too_many_requests_says_when_to_try_again()
    {
        Assert.Equal(("WaitMinutes", 2L), new ErrorPageModel(429, TimeSpan.FromSeconds(120)).Wait);
        Assert.Null(new ErrorPageModel(404).Wait);
    }
}
