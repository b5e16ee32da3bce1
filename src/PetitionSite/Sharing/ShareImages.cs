using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PetitionSite.Languages;
using PetitionSite.Petitions;
using PetitionSite.Site;

namespace PetitionSite.Sharing;

// Share images are kept in memory, one per petition and language (three at most per public petition), and served as
// they are. Drawing one takes tens of milliseconds of CPU, so a viral
// surge must never draw: this service redraws an image in the background when its petition's count or title has moved,
// at most once per Sharing:ImageRefreshInterval. Only the first request for a petition waits for a drawing, and however
// many arrive together they share that one drawing.
public sealed partial class ShareImages(
    ShareImagePainter painter,
    PetitionCatalog catalog,
    IOptions<SharingOptions> options,
    IOptions<SiteOptions> site,
    IStringLocalizer<SiteText> text,
    TimeProvider time,
    ILogger<ShareImages> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<(string Slug, string Language), ShareImage> drawn = new();
    private readonly ConcurrentDictionary<(string Slug, string Language), Lazy<Task<ShareImage?>>> firstDrawings = new();

    // One drawing at a time across the site: the CPU stays free for pages however many petitions need an image.
    private readonly SemaphoreSlim painting = new(1, 1);

    private int drawings;

    // How many images have been drawn since start, for the tests of the bound on drawing.
    internal int Drawings => Volatile.Read(ref drawings);

    // The petition's image in a language of the site; null when there is no such public petition.
    public async Task<ShareImage?> FindAsync(string slug, string language, CancellationToken cancellationToken)
    {
        // Only the site's languages are kept, so the cache holds at most three images per petition.
        var key = (slug, SiteLanguages.KnownOrDefault(language));
        if (drawn.TryGetValue(key, out var image))
        {
            return image;
        }

        var drawing = firstDrawings.GetOrAdd(key, first => new Lazy<Task<ShareImage?>>(() => DrawFirstAsync(first)));
        return await drawing.Value.WaitAsync(cancellationToken);
    }

    private async Task<ShareImage?> DrawFirstAsync((string Slug, string Language) key)
    {
        try
        {
            var card = await CardAsync(key, CancellationToken.None);
            if (card is null)
            {
                return null;
            }

            var image = await DrawAsync(card, key.Language, CancellationToken.None);
            drawn[key] = image;
            return image;
        }
        finally
        {
            firstDrawings.TryRemove(key, out _);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Value.ImageRefreshInterval, time, stoppingToken);
                foreach (var (key, image) in drawn)
                {
                    await RedrawIfMovedAsync(key, image, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RedrawIfMovedAsync((string Slug, string Language) key, ShareImage image, CancellationToken cancellationToken)
    {
        try
        {
            var card = await CardAsync(key, cancellationToken);
            if (card is null)
            {
                // No longer public: nothing to show, and nothing to keep.
                drawn.TryRemove(key, out _);
            }
            else if (card != image.Card)
            {
                drawn[key] = await DrawAsync(card, key.Language, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRedrawFailed(logger, exception, key.Slug, key.Language);
        }
    }

    // The title as the language's page shows it: its translation where there is one.
    private async Task<ShareCard?> CardAsync((string Slug, string Language) key, CancellationToken cancellationToken) =>
        await catalog.CountAsync(key.Slug, key.Language, cancellationToken) is { } count
            ? ShareCard.Of(count)
            : null;

    private async Task<ShareImage> DrawAsync(ShareCard card, string language, CancellationToken cancellationToken)
    {
        await painting.WaitAsync(cancellationToken);
        try
        {
            byte[] png;
            using (LanguageScope.Enter(language))
            {
                var rightToLeft = CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;
                png = painter.Draw(card, ShareCard.ImageCountText(text, card.Signatures), ShareCard.GoalText(text, card.Goal), rightToLeft, site.Value.Name);
            }

            Interlocked.Increment(ref drawings);
            var tag = "\"" + Convert.ToHexString(SHA256.HashData(png), 0, 12) + "\"";
            return new ShareImage(card, png, tag, time.GetUtcNow());
        }
        finally
        {
            painting.Release();
        }
    }

    public override void Dispose()
    {
        painting.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redrawing the share image of {Slug} in {Language} failed; the previous image stays")]
    private static partial void LogRedrawFailed(ILogger logger, Exception exception, string slug, string language);
}
