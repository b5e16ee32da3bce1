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

    // countLine and goalLine come in the image's language, with its digits; rightToLeft is that language's direction.
    public byte[] Draw(ShareCard card, string countLine, string goalLine, bool rightToLeft, string siteName)
    {
        using var surface = SKSurface.Create(new SKImageInfo(ShareCard.Width, ShareCard.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(Paper);
        using var paint = new SKPaint { IsAntialias = true, Color = Accent };
        canvas.DrawRect(0, 0, ShareCard.Width, 16, paint);

        var start = rightToLeft ? ShareCard.Width - Margin : Margin;
        paint.Color = Muted;
        DrawLine(canvas, siteName, start, 104, 34, regular: true, rightToLeft, paint);

        // An untranslated title keeps its own direction, whatever the image's language.
        var titleRightToLeft = IsRightToLeft(card.Title);
        paint.Color = Text;
        var (size, lines) = FitTitle(card.Title);
        var baseline = TitleTop + size;
        foreach (var line in lines)
        {
            DrawLine(canvas, line, titleRightToLeft ? ShareCard.Width - Margin : Margin, baseline, size, regular: false, titleRightToLeft, paint);
            baseline += size * 1.25f;
        }

        var end = DrawLine(canvas, countLine + " ", start, 510, 52, regular: false, rightToLeft, paint);
        paint.Color = Muted;
        DrawLine(canvas, goalLine, end, 510, 34, regular: true, rightToLeft, paint);

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

    // HarfBuzz shapes each run but does not reorder runs of different directions, so the runs are placed here: from x
    // rightward in a left-to-right line, leftward in a right-to-left one. Returns where the line ends.
    private float DrawLine(SKCanvas canvas, string line, float x, float baseline, float size, bool regular, bool rightToLeft, SKPaint paint)
    {
        foreach (var (run, script) in RunsOf(line))
        {
            var face = FaceFor(run, script, regular);
            var width = Measure(face, run, script, size);
            if (rightToLeft)
            {
                x -= width;
                DrawRun(canvas, face, run, script, x, baseline, size, paint);
            }
            else
            {
                DrawRun(canvas, face, run, script, x, baseline, size, paint);
                x += width;
            }
        }

        return x;
    }

    private static void DrawRun(SKCanvas canvas, Face face, string run, Script script, float x, float baseline, float size, SKPaint paint)
    {
        using var font = new SKFont(face.Typeface, size);
        var shaped = Shape(face, run, script, font, x, baseline);
        if (shaped.Codepoints.Length == 0)
        {
            return;
        }

        using var builder = new SKTextBlobBuilder();
        var glyphs = builder.AllocatePositionedRun(font, shaped.Codepoints.Length);
        var ids = glyphs.Glyphs;
        var positions = glyphs.Positions;
        for (var i = 0; i < shaped.Codepoints.Length; i++)
        {
            ids[i] = (ushort)shaped.Codepoints[i];
            positions[i] = shaped.Points[i];
        }

        using var blob = builder.Build();
        if (blob is not null)
        {
            canvas.DrawText(blob, 0, 0, paint);
        }
    }

    // A number is shaped left to right even inside Arabic, so its digits keep their order; other runs take the
    // direction of their script.
    private static SKShaper.Result Shape(Face face, string run, Script script, SKFont font, float x = 0, float baseline = 0)
    {
        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf16(run);
        if (script == Script.Number)
        {
            buffer.Direction = HarfBuzzSharp.Direction.LeftToRight;
        }

        buffer.GuessSegmentProperties();
        return face.Shaper.Shape(buffer, x, baseline, font);
    }

    private float Measure(string text, float size, bool regular) =>
        RunsOf(text).Sum(run => Measure(FaceFor(run.Text, run.Script, regular), run.Text, run.Script, size));

    private static float Measure(Face face, string run, Script script, float size)
    {
        using var font = new SKFont(face.Typeface, size);
        return Shape(face, run, script, font).Width;
    }

    private Face FaceFor(string run, Script script, bool regular) =>
        (script == Script.Arabic || (script == Script.Number && run.EnumerateRunes().Any(IsArabic)), regular) switch
        {
            (true, true) => arabic,
            (true, false) => arabicBold,
            (false, true) => latin,
            (false, false) => latinBold,
        };

    internal enum Script
    {
        Latin,
        Arabic,
        Number,
    }

    // Splits text where the script changes between Arabic and any other, and around numbers (digits with the separators
    // between them). Spaces and punctuation stay with the letters before them, or else with the letters after them.
    internal static List<(string Text, Script Script)> RunsOf(string text)
    {
        var runs = new List<(string Text, Script Script)>();
        var run = new StringBuilder();
        Script? current = null;
        Script? letters = null;
        var runes = text.EnumerateRunes().ToArray();
        for (var i = 0; i < runes.Length; i++)
        {
            var rune = runes[i];
            Script? script = Rune.IsDigit(rune) || IsInsideNumber(runes, i) ? Script.Number
                : IsArabic(rune) ? Script.Arabic
                : Rune.IsLetter(rune) ? Script.Latin
                : null;
            var next = script ?? (current == Script.Number ? letters ?? LettersAfter(runes, i) : current);
            if (next is { } changed && current is { } now && changed != now && run.Length > 0)
            {
                runs.Add((run.ToString(), now));
                run.Clear();
            }

            if (script is Script.Latin or Script.Arabic)
            {
                letters = script;
            }

            current = next ?? current;
            run.Append(rune.ToString());
        }

        if (run.Length > 0)
        {
            runs.Add((run.ToString(), current ?? letters ?? Script.Latin));
        }

        return runs;
    }

    // The script of the next letters, for the space after a number that opens the text ("١٢ توقيعًا").
    private static Script? LettersAfter(Rune[] runes, int i) =>
        runes.Skip(i).Where(Rune.IsLetter).Select(rune => (Script?)(IsArabic(rune) ? Script.Arabic : Script.Latin)).FirstOrDefault();

    // A group or decimal separator between two digits belongs to the number: "1,234", "1 234", "١٬٢٣٤".
    private static bool IsInsideNumber(Rune[] runes, int i) =>
        i > 0 && i < runes.Length - 1 && Rune.IsDigit(runes[i - 1]) && Rune.IsDigit(runes[i + 1])
        && runes[i].Value is ',' or '.' or ' ' or '\u00A0' or '\u202F' or '\u066B' or '\u066C';

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
