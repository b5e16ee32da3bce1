namespace PetitionSite.Admin.Moderation;

// The step between asking for a bulk change and making it: how many signatures it will touch, and, when the page that
// asked shows one, a sample of them. The fraud review sends its own bulk form here, with its own action and way back.
public sealed record ConfirmChangePageModel(string Slug, string Title, ModerationChange Change, SignatureSearch Search, BulkChangeForm Bulk, ModerationPreview Preview)
{
    public string Action => Change == ModerationChange.Invalidate ? "invalidate" : "reinstate";

    public string FormAction { get; init; } = $"/admin/petitions/{Slug}/signatures/{(Change == ModerationChange.Invalidate ? "invalidate" : "reinstate")}";

    public string BackLink { get; init; } = $"/admin/petitions/{Slug}/signatures{Search.ToQueryString()}";

    public string BackText { get; init; } = "Back to the signatures";

    public IReadOnlyList<SignatureRow> Sample { get; init; } = [];
}
