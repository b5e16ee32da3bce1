using PetitionSite.Languages;

namespace PetitionSite.Petitions;

// A line of the public list: open petitions, then closed ones with their final count and when they closed.
// Language: what Title and Summary are written in, the page's own when translated into it.
public sealed record PetitionListItem(string Slug, string Title, string Summary, int SignatureCount, int Goal, bool IsOpen = true, DateTime? ClosedAt = null, string Language = SiteLanguages.Default);
