using PetitionSite.Site;

namespace PetitionSite.Tests.Site;

public sealed class CanonicalAddressesTests
{
    [Theory]
    [InlineData("/petitions/FREE-WALID-DAQQAH", "/petitions/free-walid-daqqah")]
    [InlineData("/PETITIONS/free-walid-daqqah", "/petitions/free-walid-daqqah")]
    [InlineData("/petitions/free-walid-daqqah/", "/petitions/free-walid-daqqah")]
    [InlineData("/Petitions/Free-Walid-Daqqah//", "/petitions/free-walid-daqqah")]
    [InlineData("/petitions/free-walid-daqqah/COUNT.JSON", "/petitions/free-walid-daqqah/count.json")]
    [InlineData("/PETITIONS.JSON", "/petitions.json")]
    [InlineData("/petitions/", "/petitions")]
    [InlineData("///", "/")]
    [InlineData("/signatures/confirm/AbCd-Ef_12/", "/signatures/confirm/AbCd-Ef_12")]
    public void A_variant_of_an_address_leads_to_the_one_address(string path, string canonical)
    {
        Assert.Equal(canonical, CanonicalAddresses.CanonicalPathOf(path));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("")]
    [InlineData("/petitions")]
    [InlineData("/petitions/free-walid-daqqah")]
    [InlineData("/petitions/free-walid-daqqah/count.json")]
    [InlineData("/signatures/confirm/AbCd-Ef_12")]
    [InlineData("/account/invitation/AbCd-Ef_12")]
    [InlineData("/PetitionsElsewhere/Page")]
    [InlineData("/petitions/<script>alert(1)<%2Fscript>")]
    public void An_address_that_is_already_canonical_or_case_sensitive_stays(string path)
    {
        Assert.Null(CanonicalAddresses.CanonicalPathOf(path));
    }

    [Theory]
    [InlineData("//other.example/")]
    [InlineData("//other.example//")]
    [InlineData("/\\other.example/")]
    public void A_trailing_slash_is_never_trimmed_into_an_address_on_another_site(string path)
    {
        Assert.Null(CanonicalAddresses.CanonicalPathOf(path));
    }
}
