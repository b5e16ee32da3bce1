namespace PetitionSite.Admin.Export;

// The export form's fields as typed: which states ("confirmed", the default, or "all") and a signing window in UTC.
public sealed class ExportForm
{
    public string? States { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    // The filter, or the problems to show beside each field.
    public bool TryRead(out SignatureExportFilter filter, out Dictionary<string, string> problems)
    {
        problems = [];
        if (States is not (null or "" or "confirmed" or "all"))
        {
            problems[nameof(States)] = "Choose confirmed signatures only, or every signature.";
        }

        if (!DateTimeLocalInput.TryParse(From, out var from))
        {
            problems[nameof(From)] = "Enter the start as a date and time, such as 2026-11-28T09:00.";
        }

        if (!DateTimeLocalInput.TryParse(To, out var to))
        {
            problems[nameof(To)] = "Enter the end as a date and time, such as 2026-11-28T18:00.";
        }

        if (from is not null && to is not null && to <= from)
        {
            problems[nameof(To)] = "The end must be after the start.";
        }

        filter = new SignatureExportFilter(States != "all", from, to);
        return problems.Count == 0;
    }
}
