using PetitionSite.Sharing;
using SkiaSharp;

namespace PetitionSite.Tests.Sharing;

public sealed class ShareImagePainterTests : IDisposable
{
    private readonly ShareImagePainter painter = new();

    [Fact]
    public void An_arabic_title_is_drawn_right_to_left_and_differs_from_the_same_title_in_latin_letters()
    {
        using var arabic = Decode(Draw(new ShareCard("s", "أطلقوا سراح وليد دقة", 1234, 10000, true)));
        using var latin = Decode(Draw(new ShareCard("s", "Atliqu sarah Walid Daqqa", 1234, 10000, true)));

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
        using var joined = Decode(Draw(new ShareCard("s", "سلسلة", 0, 10, true)));
        using var apart = Decode(Draw(new ShareCard("s", "س ل س ل ة", 0, 10, true)));

        var (joinedLeft, joinedRight) = InkInTitleBand(joined);
        var (apartLeft, apartRight) = InkInTitleBand(apart);
        Assert.True(joinedRight - joinedLeft < apartRight - apartLeft);
    }

    [Fact]
    public void A_very_long_title_is_shrunk_and_cut_to_fit_without_throwing()
    {
        var title = string.Join(' ', Enumerable.Repeat("Stop the demolition of the old market hall", 12));

        using var image = Decode(Draw(new ShareCard("s", title, 5, 10, true)));

        Assert.Equal(ShareCard.Width, image.Width);
    }

    [Fact]
    public void Text_is_split_where_the_script_changes()
    {
        var runs = ShareImagePainter.RunsOf("Free وليد دقة now!");

        Assert.Equal([("Free ", ShareImagePainter.Script.Latin), ("وليد دقة ", ShareImagePainter.Script.Arabic), ("now!", ShareImagePainter.Script.Latin)], runs);
        Assert.True(ShareImagePainter.IsRightToLeft("«وليد» Free"));
        Assert.False(ShareImagePainter.IsRightToLeft("2024: Free وليد"));
    }

    [Fact]
    public void Numbers_are_runs_of_their_own_so_their_digits_keep_their_order_inside_arabic()
    {
        var runs = ShareImagePainter.RunsOf("التوقيعات: ١٬٢٣٤ من أصل 10 000");
        var opening = ShareImagePainter.RunsOf("١٢ توقيعًا");

        Assert.Equal([("التوقيعات: ", ShareImagePainter.Script.Arabic), ("١٬٢٣٤", ShareImagePainter.Script.Number), (" من أصل ", ShareImagePainter.Script.Arabic), ("10 000", ShareImagePainter.Script.Number)], runs);
        Assert.Equal([("١٢", ShareImagePainter.Script.Number), (" توقيعًا", ShareImagePainter.Script.Arabic)], opening);
    }

    [Fact]
    public void An_arabic_count_line_and_bar_start_from_the_right()
    {
        using var arabic = Decode(painter.Draw(new ShareCard("s", "أطلقوا سراح وليد دقة", 1234, 10000, true), "١٬٢٣٤ توقيعًا", "من أصل ١٠٬٠٠٠ مطلوبة", rightToLeft: true, "PetitionSite"));
        using var english = Decode(painter.Draw(new ShareCard("s", "أطلقوا سراح وليد دقة", 1234, 10000, true), "1,234 signatures", "of 10,000 needed", rightToLeft: false, "PetitionSite"));

        Assert.True(arabic.GetPixel(ShareCard.Width - 100, 564).Green > 0x40 && arabic.GetPixel(ShareCard.Width - 100, 564).Red < 0x40, "The Arabic bar fills from the right");
        Assert.True(english.GetPixel(100, 564).Red < 0x40, "The English bar fills from the left");
        Assert.NotEqual(arabic.Bytes, english.Bytes);
    }

    private byte[] Draw(ShareCard card) => painter.Draw(card, "1,234 signatures", "of 10,000 needed", rightToLeft: false, "PetitionSite");

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
