using PetitionSite.Signing;

namespace PetitionSite.Petitions;

// Builds the petition page for a first visit and for a signature form sent back with errors.
public sealed class PetitionPageFactory(PetitionCatalog catalog, PetitionMarkdown markdown)
{
    // Countries named in the page's table before the rest are summed as "Other countries": a few lines, a few hundred bytes.
    public const int CountriesShown = 5;

    public async Task<PetitionPageModel?> CreateAsync(string slug, CancellationToken cancellationToken, SignatureForm? form = null, string? formProblem = null)
    {
        var petition = await catalog.FindAsync(slug, cancellationToken);
        return petition is null
            ? null
            : new PetitionPageModel
            {
                Petition = petition,
                BodyHtml = markdown.ToCachedHtml(petition.BodyMarkdown),
                Countries = petition.SignatureCount > 0 ? await catalog.TopCountriesAsync(petition.Id, CountriesShown, cancellationToken) : [],
                Form = form ?? new SignatureForm(),
                FormProblem = formProblem,
            };
    }
}
