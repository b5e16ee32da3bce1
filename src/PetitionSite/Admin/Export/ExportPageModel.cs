namespace PetitionSite.Admin.Export;

// The export form shown again with what was typed and what is wrong with it.
public sealed record ExportPageModel(string Slug, string Title, ExportForm Form, IReadOnlyDictionary<string, string> Problems);
