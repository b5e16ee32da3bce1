namespace PetitionSite.Admin.Audit;

// A page of the audit log, newest first, with the filters that chose it.
public sealed record AuditPageModel(
    IReadOnlyList<AuditEntry> Entries,
    AuditAction? Action,
    string? Petition,
    IReadOnlyList<string> Petitions,
    int Page,
    bool HasNext,
    string? Problem)
{
    public string PageLink(int page)
    {
        KeyValuePair<string, string?>[] fields =
        [
            new("action", Action?.ToString()),
            new("petition", Petition),
            new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
        var query = QueryString.Create(fields.Where(f => f.Value is not null));
        return "/admin/audit" + query.ToUriComponent();
    }
}
