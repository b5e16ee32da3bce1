using PetitionSite.Signing;

namespace PetitionSite.Petitions;

// Everything the petition page shows: the text, the count, and the signature form with anything typed so far.
public sealed record PetitionPageModel
{
    public required PetitionDetails Petition { get; init; }

    public required string BodyHtml { get; init; }

    // Confirmed signatures by country, largest first, the rest summed in a last line; empty before the first one.
    public IReadOnlyList<CountryTally> Countries { get; init; } = [];

    public SignatureForm Form { get; init; } = new();

    // Shown above the form when a submission could not be accepted for a reason no single field explains.
    public string? FormProblem { get; init; }
}
