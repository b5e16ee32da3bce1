using PetitionSite.Languages;
using PetitionSite.Sharing;
using PetitionSite.Tests.Languages;

namespace PetitionSite.Tests.Sharing;

// The count line drawn on a share image reads as a person of that language would write it.
public sealed class ShareImageCountTests
{
    [Theory]
    [InlineData("en", 1, "1 signature")]
    [InlineData("en", 2, "2 signatures")]
    [InlineData("en", 1234, "1,234 signatures")]
    [InlineData("fr", 0, "0 signature")]
    [InlineData("fr", 2, "2 signatures")]
    [InlineData("ar", 2, "توقيعان")]
    [InlineData("ar", 7, "٧ توقيعات")]
    [InlineData("ar", 14, "١٤ توقيعًا")]
    [InlineData("ar", 100, "١٠٠ توقيع")]
    public void The_count_line_takes_the_nouns_form_for_the_number(string language, int signatures, string line)
    {
        using var _ = LanguageScope.Enter(language);

        Assert.Equal(line, ShareCard.ImageCountText(SiteTexts.Create(), signatures));
    }
}
