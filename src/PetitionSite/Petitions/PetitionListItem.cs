namespace PetitionSite.Petitions;

public sealed record PetitionListItem(string Slug, string Title, string Summary, int SignatureCount, int Goal);
