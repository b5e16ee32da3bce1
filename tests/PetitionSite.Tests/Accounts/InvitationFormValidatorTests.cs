using PetitionSite.Accounts;

namespace PetitionSite.Tests.Accounts;

public sealed class InvitationFormValidatorTests
{
    private static readonly InvitationFormValidator Validator = new();

    [Theory]
    [InlineData("organiser@example.org")]
    [InlineData("first.last+petitions@mail.example.co.uk")]
    public void A_deliverable_address_is_accepted(string email) =>
        Assert.True(Validator.Validate(new InvitationForm { Email = email }).IsValid);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("organiser")]
    [InlineData("organiser@localhost")]
    [InlineData("Organiser <organiser@example.org>")]
    [InlineData("organiser@example.org, other@example.org")]
    public void Anything_else_is_refused(string? email) =>
        Assert.False(Validator.Validate(new InvitationForm { Email = email }).IsValid);
}
