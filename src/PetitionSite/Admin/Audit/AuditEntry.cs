namespace PetitionSite.Admin.Audit;

// One line of who did what and when in the back office. It never holds a signer's personal data.
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    // The email of the person who acted, or null for the site itself (a scheduled close, say).
    public string? Actor { get; set; }

    public AuditAction Action { get; set; }

    public string? PetitionSlug { get; set; }

    public required string Details { get; set; }
}
