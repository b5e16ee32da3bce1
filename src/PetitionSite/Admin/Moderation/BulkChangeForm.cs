namespace PetitionSite.Admin.Moderation;

// The bulk form under the results: which signatures (ticked, or every match), why, and whether the preview was seen.
public sealed class BulkChangeForm
{
    public const int ReasonLength = 500;

    public List<long> Ids { get; set; } = [];

    // "selected" or "all".
    public string? Scope { get; set; }

    public string? Reason { get; set; }

    // Set by the confirmation step's button: without it, a POST only previews.
    public bool Confirmed { get; set; }

    public bool AllMatches => Scope == "all";

    public Dictionary<string, string> Problems(ModerationChange change)
    {
        var problems = new Dictionary<string, string>();
        if (Scope is not ("selected" or "all"))
        {
            problems[nameof(Scope)] = "Choose the ticked signatures or every match of the search.";
        }
        else if (!AllMatches && Ids.Count == 0)
        {
            problems[nameof(Ids)] = "Tick at least one signature, or choose every match of the search.";
        }

        if (change == ModerationChange.Invalidate)
        {
            var reason = Reason?.Trim();
            if (string.IsNullOrEmpty(reason))
            {
                problems[nameof(Reason)] = "Give the reason for invalidating: it is kept with each signature and in the audit log.";
            }
            else if (reason.Length > ReasonLength)
            {
                problems[nameof(Reason)] = $"The reason is at most {ReasonLength} characters; it has {reason.Length}.";
            }
        }

        return problems;
    }
}
