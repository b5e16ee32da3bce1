using PetitionSite.Sharing;
using SkiaSharp;

namespace PetitionSite.Tests.Sharing;

public sealed class ShareImagePainterTests : IDisposable
{
    private readonly ShareImagePainter painter = new();

    [Fact]
    public void An_arabic_title_is_drawn_right_to_left_and_differs_from_the_same_title_in_latin_letters()
    {
        using var arabic = Decode(painter.Draw(new ShareCard("s", "أطلقوا سراح وليد دقة", 1234, 10000, true), "PetitionSite"));
        using var latin = Decode(painter.Draw(new ShareCard("s", "Atliqu sarah Walid Daqqa", 1234, 10000, true), "PetitionSite"));

        Assert.Equal((ShareCard.Width, ShareCard.Height), (arabic.Width, arabic.Height));
        Assert.NotEqual(arabic.Bytes, latin.Bytes);
        // A short Arabic title starts at the right edge; the Latin one at the left.
        var (arabicLeft, arabicRight) = InkInTitleBand(arabic);
        var (latinLeft, _) = InkInTitleBand(latin);
        Assert.True(arabicRight > ShareCard.Width - 100, $"Arabic ink ends at {arabicRight}");
        Assert.True(arabicLeft > ShareCard.Width / 3, $"Arabic ink starts at {arabicLeft}");
        Assert.True(latinLeft < 100, $"Latin ink starts at {latinLeft}");
    }

    [Fact]
    public void Arabic_letters_are_joined_by_shaping_not_drawn_as_isolated_forms()
    {
        // Shaped, the letters of a word connect into one narrower run than the same letters drawn apart.
        using var joined = Decode(painter.Draw(new ShareCard("s", "سلسلة", 0, 10, true), "PetitionSite"));
        using var apart = Decode(painter.Draw(new ShareCard("s", "س ل س ل ة", 0, 10, true), "PetitionSite"));

        var (joinedLeft, joinedRight) = InkInTitleBand(joined);
        var (apartLeft, apartRight) = InkInTitleBand(apart);
        Assert.True(joinedRight - joinedLeft < apartRight - apartLeft);
    }

    [Fact]
    public void A_very_long_title_is_shrunk_and_cut_to_fit_without_throwing()
    {
        var title = string.Join(' ', Enumerable.Repeat("Stop the demolition of the old market hall", 12));

        using var image = Decode(painter.Draw(new ShareCard("s", title, 5, 10, true), "PetitionSite"));

        Assert.Equal(ShareCard.Width, image.Width);
    }

    [Fact]
    public void Text_is_split_where_the_script_changes()
    {
        var runs = ShareImagePainter.RunsOf("Free وليد دقة now!");

        Assert.Equal([("Free ", false), ("وليد دقة ", true), ("now!", false)], runs);
        Assert.True(ShareImagePainter.IsRightToLeft("«وليد» Free"));
        Assert.False(ShareImagePainter.IsRightToLeft("2024: Free وليد"));
    }

    private static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new InvalidOperationException("Not a PNG");

    // The leftmost and rightmost dark pixels between the site name and the count.
    private static (int Left, int Right) InkInTitleBand(SKBitmap image)
    {
        var left = image.Width;
        var right = -1;
        for (var y = 150; y < 440; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                if (image.GetPixel(x, y).Red < 128)
                {
                    left = Math.Min(left, x);
                    right = Math.Max(right, x);
                }
            }
        }

        return (left, right);
    }

    public void Dispose() => painter.Dispose();
}
