namespace PetitionSite.Site;

public sealed record ErrorPageModel(int StatusCode)
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
        429 => "Too many signatures came from your network in the last minute. Please wait a minute and try again.",
        503 => "We could not save or read data just now. Please try again in a few minutes.",
        >= 500 => "The problem is on our side and has been recorded. Please try again in a few minutes.",
        _ => "Please go back and try again.",
    };
}
