using PetitionSite.Site;

namespace PetitionSite.Tests.Site;

public sealed class ErrorPageModelTests
{
    [Theory]
    [InlineData(1, "a few seconds")]
    [InlineData(10, "a few seconds")]
    [InlineData(11, "about 15 seconds")]
    [InlineData(30, "about 30 seconds")]
    [InlineData(54, "about 55 seconds")]
    [InlineData(55, "about a minute")]
    [InlineData(60, "about a minute")]
    [InlineData(61, "about 2 minutes")]
    [InlineData(90, "about 2 minutes")]
    [InlineData(720, "about 12 minutes")]
    [InlineData(5340, "about 89 minutes")]
    [InlineData(5400, "about 2 hours")]
    [InlineData(86400, "about 24 hours")]
    public void A_wait_is_said_in_plain_words_rounded_up(int seconds, string words)
    {
        Assert.Equal(words, ErrorPageModel.InPlainWords(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Too_many_requests_says_when_to_try_again()
    {
        Assert.Equal("Please try again in about 2 minutes.", new ErrorPageModel(429, TimeSpan.FromSeconds(120)).TryAgain);
        Assert.Null(new ErrorPageModel(404).TryAgain);
    }
}
