using PetitionSite.Admin.Export;

namespace PetitionSite.Admin.Moderation;

// The moderation page: the search as typed, a page of results, and the bulk form with anything wrong with it.
public sealed record SearchPageModel(
    string Slug,
    string Title,
    SignatureSearch Search,
    IReadOnlyDictionary<string, string> Problems,
    IReadOnlyList<SignatureRow> Rows,
    long Total,
    int Page,
    int PageSize,
    string? Notice,
    BulkChangeForm Bulk,
    ExportPageModel Export)
{
    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string PageLink(int page)
    {
        var query = Search.ToQueryString();
        var separator = query.Length == 0 ? "?" : "&";
        return $"/admin/petitions/{Slug}/signatures{query}{separator}page={page}";
    }
}
