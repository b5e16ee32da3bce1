using PetitionSite.Privacy;

namespace PetitionSite.Tests.Privacy;

public sealed class PrivacyPageModelTests
{
    [Theory]
    [InlineData(1, "1 day")]
    [InlineData(14, "14 days")]
    [InlineData(364, "364 days")]
    [InlineData(365, "1 year")]
    [InlineData(730, "2 years")]
    public void Periods_in_days_read_as_days_or_whole_years(int days, string words)
    {
        Assert.Equal(words, PrivacyPageModel.Days(days));
    }

    [Theory]
    [InlineData("01:00:00", "every hour")]
    [InlineData("06:00:00", "every 6 hours")]
    [InlineData("00:15:00", "every 15 minutes")]
    [InlineData("1.00:00:00", "every day")]
    [InlineData("2.00:00:00", "every 2 days")]
    public void The_schedule_reads_as_words(string interval, string words)
    {
        var model = new PrivacyPageModel(new PrivacyOptions { RetentionInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) }, TimeSpan.FromDays(7), true, null, null);

        Assert.Equal(words, model.RetentionRuns);
    }

    [Fact]
    public void The_defaults_read_as_the_privacy_page_promises()
    {
        var model = new PrivacyPageModel(new PrivacyOptions(), TimeSpan.FromDays(7), true, null, null);

        Assert.Equal(
            ["14 days", "30 days", "90 days", "7 days", "30 days", "90 days", "1 year", "7 days", "every hour"],
            [model.UnconfirmedSignatures, model.ClientAddresses, model.AfterClosing, model.SpentLinks, model.SentEmails, model.FailedEmails, model.AuditLines, model.LinkLifetime, model.RetentionRuns]);
    }
}
