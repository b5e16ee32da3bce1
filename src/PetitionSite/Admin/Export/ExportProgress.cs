namespace PetitionSite.Admin.Export;

// How many rows an export has handed to the output so far: what the audit log records when a download is cut short.
public sealed class ExportProgress
{
    public long Rows { get; internal set; }
}
