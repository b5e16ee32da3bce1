namespace PetitionSite.Admin.Petitions;

// The petition form as shown: what was typed, the petition being edited (null for a new one), and a preview if asked for.
public sealed record PetitionEditorPage
{
    public required PetitionForm Form { get; init; }

    public ManagedPetition? Petition { get; init; }

    public string? PreviewHtml { get; init; }

    public bool Saved { get; init; }

    public bool IsNew => Petition is null;

    public bool SlugCanChange => Petition?.SlugCanChange ?? true;

    public string Action => IsNew ? "/admin/petitions/new" : $"/admin/petitions/{Petition!.Slug}/edit";
}
