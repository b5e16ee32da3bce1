namespace PetitionSite.Admin.Moderation;

// The step between asking for a bulk change and making it: how many signatures it will touch.
public sealed record ConfirmChangePageModel(string Slug, string Title, ModerationChange Change, SignatureSearch Search, BulkChangeForm Bulk, ModerationPreview Preview)
{
    public string Action => Change == ModerationChange.Invalidate ? "invalidate" : "reinstate";
}
