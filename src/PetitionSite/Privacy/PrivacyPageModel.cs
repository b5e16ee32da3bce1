namespace PetitionSite.Privacy;

// The periods the site runs with, for /privacy: the page can never promise other periods than the jobs keep.
// The view puts them in words in the page's language (LocalFormat.Duration and LocalFormat.Every).
public sealed record PrivacyPageModel(PrivacyOptions Periods, TimeSpan ConfirmationLinkLifetime, bool AdminsUseTwoFactor, string? Operator, string? ContactEmail)
{
    public TimeSpan UnconfirmedSignatures => TimeSpan.FromDays(Periods.UnconfirmedSignatureDays);

    public TimeSpan ClientAddresses => TimeSpan.FromDays(Periods.ClientAddressDays);

    public TimeSpan AfterClosing => TimeSpan.FromDays(Periods.AnonymiseAfterCloseDays);

    public TimeSpan SpentLinks => TimeSpan.FromDays(Periods.SpentLinkDays);

    public TimeSpan SentEmails => TimeSpan.FromDays(Periods.SentEmailDays);

    public TimeSpan FailedEmails => TimeSpan.FromDays(Periods.FailedEmailDays);

    public TimeSpan AuditLines => TimeSpan.FromDays(Periods.AuditDays);

    public TimeSpan LinkLifetime => ConfirmationLinkLifetime;

    // How late, at most, something goes after its date.
    public TimeSpan RetentionRuns => Periods.RetentionInterval;
}
