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

        var (from, to) = DateTimeLocalInput.ReadWindow(From, To, nameof(From), nameof(To), problems);

        filter = new SignatureExportFilter(States != "all", from, to);
        return problems.Count == 0;
    }
}
