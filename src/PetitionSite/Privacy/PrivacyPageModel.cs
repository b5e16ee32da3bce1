using System.Globalization;

namespace PetitionSite.Privacy;

// The periods the site runs with, in words, for /privacy: the page can never promise other periods than the jobs keep.
public sealed record PrivacyPageModel(PrivacyOptions Periods, TimeSpan ConfirmationLinkLifetime, bool AdminsUseTwoFactor, string? Operator, string? ContactEmail)
{
    public string UnconfirmedSignatures => Days(Periods.UnconfirmedSignatureDays);

    public string ClientAddresses => Days(Periods.ClientAddressDays);

    public string AfterClosing => Days(Periods.AnonymiseAfterCloseDays);

    public string SpentLinks => Days(Periods.SpentLinkDays);

    public string SentEmails => Days(Periods.SentEmailDays);

    public string FailedEmails => Days(Periods.FailedEmailDays);

    public string AuditLines => Days(Periods.AuditDays);

    public string LinkLifetime => Span(ConfirmationLinkLifetime);

    // "every hour", "every 6 hours": how late, at most, something goes after its date.
    public string RetentionRuns
    {
        get
        {
            var span = Span(Periods.RetentionInterval);
            return "every " + (span.StartsWith("1 ", StringComparison.Ordinal) ? span[2..] : span);
        }
    }

    // Whole years read as years ("1 year"), anything else as days ("14 days").
    public static string Days(int days) => days % 365 == 0 ? Count(days / 365, "year") : Count(days, "day");

    public static string Span(TimeSpan span) =>
        span.Ticks % TimeSpan.TicksPerDay == 0 ? Days((int)span.TotalDays)
        : span.Ticks % TimeSpan.TicksPerHour == 0 ? Count((int)span.TotalHours, "hour")
        : Count((int)Math.Ceiling(span.TotalMinutes), "minute");

    private static string Count(int count, string unit) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? unit : unit + "s");
}
