namespace PetitionSite.Admin.FraudReview;

// The part of a stored email address after its @: what the review groups signatures by and bulk invalidation matches.
public static class EmailDomain
{
    public const int MaxLength = 253;

    // As stored addresses have it: trimmed, lower-cased, without a leading @; null when nothing was typed.
    public static string? Clean(string? typed)
    {
        var domain = typed?.Trim().TrimStart('@').ToLowerInvariant();
        return string.IsNullOrEmpty(domain) ? null : domain;
    }

    // What is wrong with a typed domain, or null when it can be matched (or is empty).
    public static string? Problem(string? typed)
    {
        var domain = Clean(typed);
        if (domain is null)
        {
            return null;
        }

        // A whole address is worth its own hint; an @ among line breaks, spaces or wildcards is no address.
        if (domain.Contains('@', StringComparison.Ordinal) && domain.All(c => IsDomainCharacter(c) || c == '@'))
        {
            return "Enter only the domain, the part after the @, such as example.org.";
        }

        var labels = domain.Split('.');
        if (domain.Length > MaxLength || labels.Length < 2 || labels.Any(l => l.Length is 0 or > 63 || !l.All(IsDomainCharacter)))
        {
            return "Enter an email domain such as example.org: letters, digits, hyphens and dots.";
        }

        return null;
    }

    private static bool IsDomainCharacter(char c) => char.IsLetterOrDigit(c) || c is '-' or '.';
}
