using PetitionSite.Admin.Moderation;

namespace PetitionSite.Admin.FraudReview;

// The fraud review's bulk invalidation: the signatures that match every criterion given (network, email domain, time
// window), and why. Without Confirmed and the preview's UpTo, a POST only previews.
public sealed class BulkInvalidationForm
{
    public string? Network { get; set; }

    public string? Domain { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Reason { get; set; }

    // The newest signature the preview counted: later signers are not swept into the confirmation.
    public long? UpTo { get; set; }

    public bool Confirmed { get; set; }

    public bool HasCriterion =>
        !string.IsNullOrWhiteSpace(Network) || !string.IsNullOrWhiteSpace(Domain) || !string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(To);

    // Trimmed as typed; a reason pasted over several lines becomes one line, as the audit log shows it.
    public BulkInvalidationForm Normalized() => new()
    {
        Network = Network?.Trim(),
        Domain = Domain?.Trim(),
        From = From?.Trim(),
        To = To?.Trim(),
        Reason = string.Join(' ', (Reason ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
        UpTo = UpTo,
        Confirmed = Confirmed,
    };

    // The same criteria as a moderation search, so the preview, the confirmation and the moderation page agree.
    public SignatureSearch ToSearch() => new() { Network = Network, Domain = Domain, From = From, To = To, UpTo = UpTo };
}
