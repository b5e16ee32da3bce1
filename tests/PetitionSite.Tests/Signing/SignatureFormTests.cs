using System.Text;
using PetitionSite.Signing;

namespace PetitionSite.Tests.Signing;

public sealed class SignatureFormTests
{
    [Fact]
    public void A_decomposed_accent_becomes_the_composed_letter()
    {
        var form = new SignatureForm { FirstName = "Jose\u0301", LastName = "Nu\u0301n\u0303ez", Email = "jose\u0301@example.org" }.Normalized();

        Assert.Equal("Jos\u00e9", form.FirstName);
        Assert.Equal("N\u00fa\u00f1ez", form.LastName);
        Assert.Equal("jos\u00e9@example.org", form.Email);
        Assert.True(form.FirstName!.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Names_typed_two_ways_become_one_name()
    {
        var composed = new SignatureForm { FirstName = "Zo\u00eb" }.Normalized();
        var decomposed = new SignatureForm { FirstName = "Zoe\u0308" }.Normalized();

        Assert.Equal(composed.FirstName, decomposed.FirstName);
    }

    [Fact]
    public void Surrounding_whitespace_is_trimmed_and_the_country_upper_cased()
    {
        var form = new SignatureForm
        {
            FirstName = "  Ada ",
            LastName = "\tLovelace\u00a0",
            Email = " ada@example.org \r\n",
            Country = " gb ",
            Postcode = " SW1A 1AA ",
            ShowNamePublicly = true,
            KeepInformed = true,
        }.Normalized();

        Assert.Equal("Ada", form.FirstName);
        Assert.Equal("Lovelace", form.LastName);
        Assert.Equal("ada@example.org", form.Email);
        Assert.Equal("GB", form.Country);
        Assert.Equal("SW1A 1AA", form.Postcode);
        Assert.True(form.ShowNamePublicly);
        Assert.True(form.KeepInformed);
        Assert.True(SignatureFormValidatorTests.New().Validate(form).IsValid);
    }

    [Fact]
    public void Missing_fields_stay_missing()
    {
        var form = new SignatureForm().Normalized();

        Assert.Null(form.FirstName);
        Assert.Null(form.Email);
        Assert.Null(form.Postcode);
    }

    [Fact]
    public void A_broken_surrogate_does_not_throw_and_is_rejected()
    {
        // Built here rather than passed as test data, which would replace the lone surrogates on the way.
        string[] broken = ["Ada" + '\ud800', '\udc00' + "Ada", "A" + '\ud800' + "e\u0301da"];

        Assert.All(broken, firstName =>
        {
            var form = new SignatureForm { FirstName = firstName, LastName = "Lovelace", Email = "ada@example.org", Country = "GB" }.Normalized();

            var result = SignatureFormValidatorTests.New().Validate(form);

            Assert.Equal("First name must not contain control characters", Assert.Single(result.Errors).ErrorMessage);
        });
    }
}
