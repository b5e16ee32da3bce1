using System.Text;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace PetitionSite.Sharing;

// Draws a petition's share image. HarfBuzz shapes the text, so Arabic letters join and read right to left, and each run
// of text is drawn with the shipped font that covers its script: the container's system fonts are never consulted.
public sealed class ShareImagePainter : IDisposable
{
    private const float Margin = 72;
    private const float TitleTop = 150;
    private const float TitleBottom = 440;
    private const float LargestTitle = 76;
    private const float SmallestTitle = 36;

    private static readonly SKColor Paper = new(0xff, 0xff, 0xff);
    private static readonly SKColor Text = new(0x1b, 0x1b, 0x1b);
    private static readonly SKColor Muted = new(0x4a, 0x4a, 0x4a);
    private static readonly SKColor Accent = new(0x0b, 0x5c, 0x2f);
    private static readonly SKColor Track = new(0xd5, 0xdc, 0xd3);

    private readonly Face latin = new("NotoSans-Regular.ttf");
    private readonly Face latinBold = new("NotoSans-Bold.ttf");
    private readonly Face arabic = new("NotoSansArabic-Regular.ttf");
    private readonly Face arabicBold = new("NotoSansArabic-Bold.ttf");

    // The fonts travel with the site, beside their licence (OFL.txt).
    public static string FontDirectory => Path.Combine(AppContext.BaseDirectory, "Sharing", "Fonts");

    public byte[] Draw(ShareCard card, string siteName)
    {
        using var surface = SKSurface.Create(new SKImageInfo(ShareCard.Width, ShareCard.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(Paper);
        using var paint = new SKPaint { IsAntialias = true, Color = Accent };
        canvas.DrawRect(0, 0, ShareCard.Width, 16, paint);

        var rightToLeft = IsRightToLeft(card.Title);
        paint.Color = Muted;
        DrawLine(canvas, siteName, 104, 34, regular: true, rightToLeft, paint);

        paint.Color = Text;
        var (size, lines) = FitTitle(card.Title);
        var baseline = TitleTop + size;
        foreach (var line in lines)
        {
            DrawLine(canvas, line, baseline, size, regular: false, rightToLeft, paint);
            baseline += size * 1.25f;
        }

        // The count and goal are in English for now, whatever the title's language.
        var count = ShareCard.EnglishCountText(card.Signatures) + " ";
        var countWidth = Measure(count, 52, regular: false);
        DrawLine(canvas, count, 510, 52, regular: false, rightToLeft: false, paint);
        paint.Color = Muted;
        DrawRun(canvas, ShareCard.EnglishGoalText(card.Goal), Margin + countWidth, 510, 34, regular: true, paint);

        DrawProgress(canvas, card.Progress, rightToLeft, paint);

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void DrawProgress(SKCanvas canvas, double progress, bool rightToLeft, SKPaint paint)
    {
        const float top = 546;
        const float height = 36;
        const float width = ShareCard.Width - (2 * Margin);
        paint.Color = Track;
        canvas.DrawRoundRect(Margin, top, width, height, height / 2, height / 2, paint);
        var filled = (float)(width * progress);
        if (filled <= 0)
        {
            return;
        }

        // The bar fills from the side the title starts on.
        paint.Color = Accent;
        filled = Math.Max(filled, height);
        canvas.DrawRoundRect(rightToLeft ? Margin + width - filled : Margin, top, filled, height, height / 2, height / 2, paint);
    }

    // The largest size at which the title fits its box; at the smallest, what does not fit ends in an ellipsis.
    private (float Size, List<string> Lines) FitTitle(string title)
    {
        const float maxWidth = ShareCard.Width - (2 * Margin);
        for (var size = LargestTitle; size > SmallestTitle; size -= 4)
        {
            var lines = Wrap(title, size, maxWidth);
            if (lines.Count * size * 1.25f <= TitleBottom - TitleTop && lines.All(line => Measure(line, size, regular: false) <= maxWidth))
            {
                return (size, lines);
            }
        }

        var fitting = Wrap(title, SmallestTitle, maxWidth);
        var room = (int)((TitleBottom - TitleTop) / (SmallestTitle * 1.25f));
        if (fitting.Count > room)
        {
            fitting = fitting[..room];
            var last = fitting[^1];
            while (last.Length > 1 && Measure(last + "…", SmallestTitle, regular: false) > maxWidth)
            {
                last = last[..^1];
            }

            fitting[^1] = last.TrimEnd() + "…";
        }

        return (SmallestTitle, fitting);
    }

    private List<string> Wrap(string text, float size, float maxWidth)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var longer = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Measure(longer, size, regular: false) > maxWidth)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = longer;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    // Runs are laid out from the start edge of the line's direction; HarfBuzz orders the glyphs within each run.
    private void DrawLine(SKCanvas canvas, string line, float baseline, float size, bool regular, bool rightToLeft, SKPaint paint)
    {
        var x = rightToLeft ? ShareCard.Width - Margin : Margin;
        foreach (var (run, runIsArabic) in RunsOf(line))
        {
            var width = Measure(FaceFor(runIsArabic, regular), run, size);
            if (rightToLeft)
            {
                x -= width;
                DrawRun(canvas, FaceFor(runIsArabic, regular), run, x, baseline, size, paint);
            }
            else
            {
                DrawRun(canvas, FaceFor(runIsArabic, regular), run, x, baseline, size, paint);
                x += width;
            }
        }
    }

    private void DrawRun(SKCanvas canvas, string text, float x, float baseline, float size, bool regular, SKPaint paint)
    {
        foreach (var (run, runIsArabic) in RunsOf(text))
        {
            var face = FaceFor(runIsArabic, regular);
            DrawRun(canvas, face, run, x, baseline, size, paint);
            x += Measure(face, run, size);
        }
    }

    private static void DrawRun(SKCanvas canvas, Face face, string run, float x, float baseline, float size, SKPaint paint)
    {
        using var font = new SKFont(face.Typeface, size);
        canvas.DrawShapedText(face.Shaper, run, x, baseline, SKTextAlign.Left, font, paint);
    }

    private float Measure(string text, float size, bool regular) =>
        RunsOf(text).Sum(run => Measure(FaceFor(run.Arabic, regular), run.Text, size));

    private static float Measure(Face face, string run, float size)
    {
        using var font = new SKFont(face.Typeface, size);
        return face.Shaper.Shape(run, 0, 0, font).Width;
    }

    private Face FaceFor(bool arabicScript, bool regular) =>
        (arabicScript, regular) switch
        {
            (true, true) => arabic,
            (true, false) => arabicBold,
            (false, true) => latin,
            (false, false) => latinBold,
        };

    // Splits text where the script changes between Arabic and any other; spaces, digits and punctuation stay with the run before them.
    internal static List<(string Text, bool Arabic)> RunsOf(string text)
    {
        var runs = new List<(string Text, bool Arabic)>();
        var run = new StringBuilder();
        bool? current = null;
        foreach (var rune in text.EnumerateRunes())
        {
            bool? script = IsArabic(rune) ? true : Rune.IsLetter(rune) ? false : null;
            if (script is { } next && current is { } now && next != now && run.Length > 0)
            {
                runs.Add((run.ToString(), now));
                run.Clear();
            }

            current = script ?? current;
            run.Append(rune.ToString());
        }

        if (run.Length > 0)
        {
            runs.Add((run.ToString(), current ?? false));
        }

        return runs;
    }

    // A line reads right to left when its first letter is Arabic.
    internal static bool IsRightToLeft(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsArabic(rune))
            {
                return true;
            }

            if (Rune.IsLetter(rune))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsArabic(Rune rune) =>
        rune.Value is (>= 0x0600 and <= 0x06FF) or (>= 0x0750 and <= 0x077F) or (>= 0x08A0 and <= 0x08FF) or (>= 0xFB50 and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF);

    public void Dispose()
    {
        latin.Dispose();
        latinBold.Dispose();
        arabic.Dispose();
        arabicBold.Dispose();
    }

    private sealed class Face : IDisposable
    {
        public Face(string file)
        {
            var path = Path.Combine(FontDirectory, file);
            Typeface = SKTypeface.FromFile(path) ?? throw new InvalidOperationException($"The share image font {path} is missing; it ships in Sharing/Fonts.");
            Shaper = new SKShaper(Typeface);
        }

        public SKTypeface Typeface { get; }

        public SKShaper Shaper { get; }

        public void Dispose()
        {
            Shaper.Dispose();
            Typeface.Dispose();
        }
    }
}
