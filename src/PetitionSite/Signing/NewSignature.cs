using System.Net;
using PetitionSite.Languages;
using PetitionSite.Petitions;

namespace PetitionSite.Signing;

// A validated, normalised signature on its way to the single writer.
public sealed record NewSignature(
    int PetitionId,
    string FirstName,
    string LastName,
    string Email,
    string NormalizedEmail,
    string CountryCode,
    string? Postcode,
    bool ShowNamePublicly,
    bool KeepInformed,
    DateTime SignedAt,
    int Revision = 1,
    string? Source = null,
    string? ClientAddress = null,
    string? ClientNetwork = null,
    string Language = SiteLanguages.Default)
{
    public static NewSignature From(PetitionStatus petition, SignatureForm form, CanonicalMailbox mailbox, IPAddress? client, DateTime signedAt) => new(
        petition.Id,
        form.FirstName!,
        form.LastName!,
        form.Email!,
        mailbox.Of(form.Email!),
        form.Country!,
        string.IsNullOrEmpty(form.Postcode) ? null : form.Postcode,
        form.ShowNamePublicly,
        form.KeepInformed,
        signedAt,
        petition.Revision,
        SignatureSource.Clean(form.Source),
        Site.ClientAddress.TextOf(client),
        Site.ClientAddress.NetworkOf(client),
        // The signing POST runs under the page's /fr or /ar, so its culture is the page's language.
        SiteLanguages.Current);
}
