namespace PetitionSite.Admin.Export;

// Which signatures an export holds: confirmed ones only (the default) or every state, signed within an optional window (UTC).
public sealed record SignatureExportFilter(bool ConfirmedOnly = true, DateTime? SignedFrom = null, DateTime? SignedBefore = null)
{
    public static readonly SignatureExportFilter Everything = new(ConfirmedOnly: false);

    // For the audit log: what was asked for, never who is in it.
    public override string ToString() =>
        (ConfirmedOnly ? "confirmed signatures" : "signatures in every state")
        + (SignedFrom is { } from ? $", signed from {DateTimeLocalInput.Format(from)} UTC" : "")
        + (SignedBefore is { } before ? $", signed before {DateTimeLocalInput.Format(before)} UTC" : "");
}
