using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using PetitionSite.Petitions;
using PetitionSite.Site;

namespace PetitionSite.Sharing;

// Share images are kept in memory and served as they are. Drawing one takes tens of milliseconds of CPU, so a viral
// surge must never draw: this service redraws an image in the background when its petition's count or title has moved,
// at most once per Sharing:ImageRefreshInterval. Only the first request for a petition waits for a drawing, and however
// many arrive together they share that one drawing.
public sealed partial class ShareImages(
    ShareImagePainter painter,
    PetitionCatalog catalog,
    IOptions<SharingOptions> options,
    IOptions<SiteOptions> site,
    TimeProvider time,
    ILogger<ShareImages> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, ShareImage> drawn = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<ShareImage?>>> firstDrawings = new(StringComparer.Ordinal);

    // One drawing at a time across the site: the CPU stays free for pages however many petitions need an image.
    private readonly SemaphoreSlim painting = new(1, 1);

    private int drawings;

    // How many images have been drawn since start, for the tests of the bound on drawing.
    internal int Drawings => Volatile.Read(ref drawings);

    // The petition's image; null when there is no such public petition.
    public async Task<ShareImage?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        if (drawn.TryGetValue(slug, out var image))
        {
            return image;
        }

        var drawing = firstDrawings.GetOrAdd(slug, key => new Lazy<Task<ShareImage?>>(() => DrawFirstAsync(key)));
        return await drawing.Value.WaitAsync(cancellationToken);
    }

    private async Task<ShareImage?> DrawFirstAsync(string slug)
    {
        try
        {
            var card = await CardAsync(slug, CancellationToken.None);
            if (card is null)
            {
                return null;
            }

            var image = await DrawAsync(card, CancellationToken.None);
            drawn[slug] = image;
            return image;
        }
        finally
        {
            firstDrawings.TryRemove(slug, out _);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Value.ImageRefreshInterval, time, stoppingToken);
                foreach (var (slug, image) in drawn)
                {
                    await RedrawIfMovedAsync(slug, image, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RedrawIfMovedAsync(string slug, ShareImage image, CancellationToken cancellationToken)
    {
        try
        {
            var card = await CardAsync(slug, cancellationToken);
            if (card is null)
            {
                // No longer public: nothing to show, and nothing to keep.
                drawn.TryRemove(slug, out _);
            }
            else if (card != image.Card)
            {
                drawn[slug] = await DrawAsync(card, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRedrawFailed(logger, exception, slug);
        }
    }

    private async Task<ShareCard?> CardAsync(string slug, CancellationToken cancellationToken) =>
        await catalog.CountAsync(slug, cancellationToken) is { } count
            ? new ShareCard(count.Slug, count.Title, count.Signatures, count.Goal, count.Open)
            : null;

    private async Task<ShareImage> DrawAsync(ShareCard card, CancellationToken cancellationToken)
    {
        await painting.WaitAsync(cancellationToken);
        try
        {
            var png = painter.Draw(card, site.Value.Name);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redrawing the share image of {Slug} failed; the previous image stays")]
    private static partial void LogRedrawFailed(ILogger logger, Exception exception, string slug);
}
