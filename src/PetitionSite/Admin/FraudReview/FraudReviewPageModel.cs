namespace PetitionSite.Admin.FraudReview;

// The fraud review page: the report, the bulk form as typed or prefilled, anything wrong with it, and the outcome of the last change.
public sealed record FraudReviewPageModel(
    FraudReviewReport Report,
    BulkInvalidationForm Form,
    IReadOnlyDictionary<string, string> Problems,
    string? Notice,
    FraudReviewOptions Options)
{
    public string Path => $"/admin/petitions/{Report.Petition.Slug}/review";

    // The review page with the bulk form filled in for these signatures, scrolled to it.
    public string PrefillLink(string? network, string? domain, DateTime from, DateTime? to) =>
        Path + Query(network, domain, from, to) + "#bulk";

    // The moderation page listing the same signatures, names and addresses included.
    public string SignaturesLink(string? network, string? domain, DateTime from, DateTime? to) =>
        $"/admin/petitions/{Report.Petition.Slug}/signatures" + Query(network, domain, from, to);

    private static string Query(string? network, string? domain, DateTime from, DateTime? to) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            [nameof(BulkInvalidationForm.Network)] = network,
            [nameof(BulkInvalidationForm.Domain)] = domain,
            [nameof(BulkInvalidationForm.From)] = DateTimeLocalInput.Format(from),
            [nameof(BulkInvalidationForm.To)] = to is { } end ? DateTimeLocalInput.Format(end) : null,
        }.Where(p => p.Value is not null)).ToUriComponent();
}
