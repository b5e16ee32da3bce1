namespace PetitionSite.Signing;

// A validated, normalised signature on its way to the single writer.
public sealed record NewSignature(
    int PetitionId,
    string FirstName,
    string LastName,
    string Email,
    string CountryCode,
    string? Postcode,
    bool ShowNamePublicly,
    bool KeepInformed,
    DateTime SignedAt)
{
    public string NormalizedEmail { get; } = EmailAddressRules.Normalize(Email);

    public static NewSignature From(int petitionId, SignatureForm form, DateTime signedAt) => new(
        petitionId,
        form.FirstName!,
        form.LastName!,
        form.Email!,
        form.Country!,
        string.IsNullOrEmpty(form.Postcode) ? null : form.Postcode,
        form.ShowNamePublicly,
        form.KeepInformed,
        signedAt);
}
