using System.Globalization;

namespace PetitionSite.Admin.FraudReview;

// Bound from "FraudReview". Like the UK Parliament's petitions site, which lists "trending" addresses and domains above
// a threshold and never flags a list of big mail providers: in a window (the last hour, the last 24 hours) a client
// network or email domain is flagged when it holds at least MinimumCount of the window's signatures (so a quiet
// petition's first few raise no alarm) and either at least FlagShare of them or at least FlagCountPerHour for each hour
// of the window; a domain on LargeProviders (plus ExtraLargeProviders) is never flagged, since webmail holds a large share
// of every honest petition, and a bot farm using it still shows in its networks and spikes; a five-minute interval is a
// spike when it holds at least SpikeMinimum signatures and SpikeFactor times the window's median interval (taken as 1 when
// the median is 0). RowsShown is how many networks, domains and spikes each window lists.
public sealed class FraudReviewOptions
{
    public const string Section = "FraudReview";

    public static readonly IReadOnlyList<string> LargeProviders =
    [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr", "live.com", "live.co.uk",
        "msn.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com",
        "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "t-online.de", "orange.fr", "free.fr", "laposte.net",
        "btinternet.com", "sky.com", "virginmedia.com", "mail.ru", "yandex.ru", "qq.com", "163.com",
    ];

    public double FlagShare { get; set; } = 0.1;

    public int FlagCountPerHour { get; set; } = 30;

    public int MinimumCount { get; set; } = 10;

    public double SpikeFactor { get; set; } = 5;

    public int SpikeMinimum { get; set; } = 10;

    public int RowsShown { get; set; } = 10;

    public List<string> ExtraLargeProviders { get; set; } = [];

    public bool IsLargeProvider(string domain) =>
        LargeProviders.Contains(domain, StringComparer.Ordinal) || ExtraLargeProviders.Any(d => string.Equals(EmailDomain.Clean(d), domain, StringComparison.Ordinal));

    // Why a network's or domain's signatures in a window are unusual, for the page to say; null when they are not.
    public string? UnusualVolume(int signatures, int windowSignatures, double windowHours)
    {
        if (signatures < MinimumCount)
        {
            return null;
        }

        var share = windowSignatures == 0 ? 0 : (double)signatures / windowSignatures;
        if (share >= FlagShare)
        {
            return $"{Percent(share)} of the window, flagged from {Percent(FlagShare)}";
        }

        var count = FlagCountPerHour * windowHours;
        return signatures >= count ? $"{count.ToString("N0", CultureInfo.InvariantCulture)} or more in {Hours(windowHours)}" : null;
    }

    // A window's spikes: the intervals far above its median.
    public IReadOnlyList<bool> Spikes(IReadOnlyList<int> perInterval, out double median)
    {
        median = Median(perInterval);
        var threshold = Math.Max(SpikeMinimum, SpikeFactor * Math.Max(median, 1));
        return [.. perInterval.Select(count => count >= threshold)];
    }

    public static double Median(IReadOnlyList<int> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    public static string Percent(double share) => (share * 100).ToString(share < 0.1 ? "0.#" : "0", CultureInfo.InvariantCulture) + "%";

    private static string Hours(double hours) => hours == 1 ? "an hour" : hours.ToString("0.#", CultureInfo.InvariantCulture) + " hours";
}
