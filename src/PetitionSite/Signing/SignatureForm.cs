using System.ComponentModel.DataAnnotations;
using System.Text;

namespace PetitionSite.Signing;

// What a supporter types into the signature form; every field is optional here so that the validator, not model binding, explains what is missing.
public sealed class SignatureForm
{
    [Display(Name = "First name")]
    public string? FirstName { get; set; }

    [Display(Name = "Last name")]
    public string? LastName { get; set; }

    [Display(Name = "Email address")]
    public string? Email { get; set; }

    [Display(Name = "Country")]
    public string? Country { get; set; }

    [Display(Name = "Postcode (optional)")]
    public string? Postcode { get; set; }

    [Display(Name = "Show my name publicly on this petition")]
    public bool ShowNamePublicly { get; set; }

    [Display(Name = "Keep me informed about this campaign by email")]
    public bool KeepInformed { get; set; }

    // The channel that brought the signer (`?source=` on the petition's link), carried through the form unseen.
    public string? Source { get; set; }

    // A trap for bots (a honeypot): the form hides it from people and from assistive technology, so only a script fills it in.
    public string? Website { get; set; }

    // Anything at all in the trap; a person never sees the field, so no space they typed can be in it.
    public bool FilledByABot => !string.IsNullOrEmpty(Website);

    // Trimmed and in Unicode NFC, so that "é" typed two ways is one name and one address.
    public SignatureForm Normalized() => new()
    {
        FirstName = Clean(FirstName),
        LastName = Clean(LastName),
        Email = Clean(Email),
        Country = Clean(Country)?.ToUpperInvariant(),
        Postcode = Clean(Postcode),
        ShowNamePublicly = ShowNamePublicly,
        KeepInformed = KeepInformed,
        Source = SignatureSource.Clean(Source),
        Website = Website,
    };

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        // Text with a broken surrogate pair cannot be normalised, nor even checked; it is kept as typed for the validator to reject.
        try
        {
            return trimmed.IsNormalized(NormalizationForm.FormC) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return trimmed;
        }
    }
}
