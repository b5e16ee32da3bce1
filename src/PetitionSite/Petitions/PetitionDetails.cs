using PetitionSite.Languages;

namespace PetitionSite.Petitions;

// Language: the language Title, Summary and BodyMarkdown are written in, the page's own when translated into it.
public sealed record PetitionDetails(int Id, string Slug, string Title, string Summary, string BodyMarkdown, int Goal, PetitionState State, int SignatureCount, DateTime? ClosedAt = null, string Language = SiteLanguages.Default)
{
    public bool IsOpen => State == PetitionState.Open;
}
