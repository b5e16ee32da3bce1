namespace PetitionSite.Privacy;

// Bound from "Privacy": how long the site keeps personal data and its own records, and how often it deletes what is due.
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    // Twice the confirmation link's lifetime (7 days): by then a signature nobody confirmed never will be.
    public int UnconfirmedSignatureDays { get; set; } = 14;

    // Long enough for the fraud review to look back over a busy month, short enough that no address outlives its use.
    public int ClientAddressDays { get; set; } = 30;

    // Time for organisers to deliver the petition and write to the supporters who asked to be kept informed.
    public int AnonymiseAfterCloseDays { get; set; } = 90;

    // A used or expired confirmation link keeps saying so ("already confirmed", "expired") for a week, then goes.
    public int SpentLinkDays { get; set; } = 7;

    // An invitation nobody accepted within its 72 hours is kept a month after, to answer "my link did not work", then goes.
    public int ExpiredInvitationDays { get; set; } = 30;

    // Long enough to answer "I never got the email", with the outbox row and its delivery time.
    public int SentEmailDays { get; set; } = 30;

    // Longer than sent ones: a failed email is something for an admin to look into.
    public int FailedEmailDays { get; set; } = 90;

    // A year of who did what in the back office, the usual span for looking back at an incident.
    public int AuditDays { get; set; } = 365;
}
