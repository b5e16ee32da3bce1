namespace PetitionSite.Site;

// RetryAfter: how long a rate limit asks the person to wait. BackOffice: the page was asked for under /account or /admin.
public sealed record ErrorPageModel(int StatusCode, TimeSpan? RetryAfter = null, bool BackOffice = false)
{
    public string Title => StatusCode switch
    {
        403 => "You do not have access to this page",
        404 => "Page not found",
        410 => "This page is no longer available",
        429 => "Too many attempts",
        503 => "The site is busy",
        >= 500 => "Sorry, something went wrong",
        _ => "This request could not be handled",
    };

    public string Explanation => StatusCode switch
    {
        403 => "Your account cannot open this page. If you need it, ask an admin of this site.",
        404 => "The address may be mistyped, or the petition may have been removed.",
        429 => "Too many forms were sent from your network, or with the same email address, in a short time, so this one was not accepted and nothing was saved.",
        503 => "We could not save or read data just now. Please try again in a few minutes.",
        >= 500 => "The problem is on our side and has been recorded. Please try again in a few minutes.",
        _ => "Please go back and try again.",
    };

    public string? TryAgain => StatusCode == 429 ? $"Please try again in {InPlainWords(RetryAfter ?? TimeSpan.FromMinutes(1))}." : null;

    // Rounded up, like Retry-After: a person who comes back when told is never refused for being early.
    public static string InPlainWords(TimeSpan wait)
    {
        var seconds = Math.Ceiling(wait.TotalSeconds);
        if (seconds <= 10)
        {
            return "a few seconds";
        }

        if (seconds < 55)
        {
            return $"about {Math.Ceiling(seconds / 5) * 5} seconds";
        }

        var minutes = Math.Ceiling(seconds / 60);
        if (minutes < 90)
        {
            return minutes == 1 ? "about a minute" : $"about {minutes} minutes";
        }

        return $"about {Math.Ceiling(minutes / 60)} hours";
    }
}
