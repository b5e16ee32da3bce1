using System.Globalization;
using PetitionSite.Languages;
using PetitionSite.Privacy;

namespace PetitionSite.Tests.Languages;

// The periods /privacy names, in words of each language: Arabic nouns take their form from the number.
public sealed class DurationWordsTests
{
    [Theory]
    [InlineData("en", 1, "1 day")]
    [InlineData("en", 14, "14 days")]
    [InlineData("en", 364, "364 days")]
    [InlineData("en", 365, "1 year")]
    [InlineData("en", 730, "2 years")]
    [InlineData("fr", 1, "1 jour")]
    [InlineData("fr", 14, "14 jours")]
    [InlineData("fr", 365, "1 an")]
    [InlineData("ar", 1, "يوم واحد")]
    [InlineData("ar", 2, "يومين")]
    [InlineData("ar", 7, "٧ أيام")]
    [InlineData("ar", 14, "١٤ يومًا")]
    [InlineData("ar", 100, "١٠٠ يوم")]
    [InlineData("ar", 103, "١٠٣ أيام")]
    [InlineData("ar", 365, "سنة واحدة")]
    [InlineData("ar", 730, "سنتين")]
    public void Periods_in_days_read_as_days_or_whole_years(string language, int days, string words)
    {
        using var _ = LanguageScope.Enter(language);

        Assert.Equal(words, SiteTexts.Create().Duration(TimeSpan.FromDays(days)));
    }

    [Theory]
    [InlineData("en", "01:00:00", "every hour")]
    [InlineData("en", "06:00:00", "every 6 hours")]
    [InlineData("en", "00:15:00", "every 15 minutes")]
    [InlineData("en", "1.00:00:00", "every day")]
    [InlineData("en", "2.00:00:00", "every 2 days")]
    [InlineData("fr", "01:00:00", "toutes les heures")]
    [InlineData("fr", "06:00:00", "toutes les 6 heures")]
    [InlineData("fr", "2.00:00:00", "tous les 2 jours")]
    [InlineData("ar", "01:00:00", "كل ساعة")]
    [InlineData("ar", "02:00:00", "كل ساعتين")]
    [InlineData("ar", "06:00:00", "كل ٦ ساعات")]
    public void The_schedule_reads_as_words(string language, string interval, string words)
    {
        using var _ = LanguageScope.Enter(language);

        Assert.Equal(words, SiteTexts.Create().Every(TimeSpan.Parse(interval, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_defaults_read_as_the_privacy_page_promises()
    {
        using var _ = LanguageScope.Enter("en");
        var text = SiteTexts.Create();
        var model = new PrivacyPageModel(new PrivacyOptions(), TimeSpan.FromDays(7), true, null, null);

        Assert.Equal(
            ["14 days", "30 days", "90 days", "7 days", "30 days", "90 days", "1 year", "7 days", "every hour"],
            [.. new[] { model.UnconfirmedSignatures, model.ClientAddresses, model.AfterClosing, model.SpentLinks, model.SentEmails, model.FailedEmails, model.AuditLines, model.LinkLifetime }
                .Select(text.Duration), text.Every(model.RetentionRuns)]);
    }
}
