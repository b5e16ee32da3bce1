using PetitionSite.Petitions;

namespace PetitionSite.Admin.Petitions;

// A petition as the editor and its lifecycle panel show it to an admin.
public sealed record ManagedPetition(
    string Slug,
    string Title,
    string Summary,
    string BodyMarkdown,
    int Goal,
    PetitionState State,
    int Revision,
    int SignatureCount,
    DateTime CreatedAt,
    DateTime? OpensAt,
    DateTime? ClosesAt,
    DateTime? OpenedAt,
    DateTime? ClosedAt,
    string? RejectionReason,
    int SignaturesUnderRevision,
    string Language)
{
    // The address is how people reach and share a petition, so it is fixed once the petition has been public.
    public bool SlugCanChange => State == PetitionState.Pending;

    public PetitionForm ToForm() => new()
    {
        Title = Title,
        Slug = Slug,
        Summary = Summary,
        BodyMarkdown = BodyMarkdown,
        Goal = Goal.ToString(System.Globalization.CultureInfo.InvariantCulture),
        OpensAt = PetitionForm.ShowMoment(OpensAt),
        ClosesAt = PetitionForm.ShowMoment(ClosesAt),
        Language = Language,
    };
}
