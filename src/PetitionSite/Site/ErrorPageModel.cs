namespace PetitionSite.Site;

// RetryAfter: how long a rate limit asks the person to wait. BackOffice: the page was asked for under /account or /admin.
// The page's words are in Resources/Languages/SiteText*.resx, named by TitleKey and TextKey.
public sealed record ErrorPageModel(int StatusCode, TimeSpan? RetryAfter = null, bool BackOffice = false)
{
    public string TitleKey => StatusCode switch
    {
        403 or 404 or 410 or 429 or 503 => $"Status{StatusCode}Title",
        >= 500 => "Status500Title",
        _ => "StatusOtherTitle",
    };

    public string TextKey => StatusCode switch
    {
        403 or 404 or 429 or 503 => $"Status{StatusCode}Text",
        >= 500 => "Status500Text",
        _ => "StatusOtherText",
    };

    // The wait a 429 page names, as a text key and the number it holds; null for any other page.
    public (string Key, long Amount)? Wait => StatusCode == 429 ? WaitOf(RetryAfter ?? TimeSpan.FromMinutes(1)) : null;

    // Rounded up, like Retry-After: a person who comes back when told is never refused for being early.
    public static (string Key, long Amount) WaitOf(TimeSpan wait)
    {
        var seconds = (long)Math.Ceiling(wait.TotalSeconds);
        if (seconds <= 10)
        {
            return ("WaitFewSeconds", 0);
        }

        if (seconds < 55)
        {
            return ("WaitSeconds", (seconds + 4) / 5 * 5);
        }

        var minutes = (seconds + 59) / 60;
        if (minutes < 90)
        {
            return minutes == 1 ? ("WaitMinute", 1) : ("WaitMinutes", minutes);
        }

        return ("WaitHours", (minutes + 59) / 60);
    }
}
