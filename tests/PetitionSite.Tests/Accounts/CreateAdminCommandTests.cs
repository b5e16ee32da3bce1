using PetitionSite.Accounts;

namespace PetitionSite.Tests.Accounts;

public sealed class CreateAdminCommandTests
{
    [Fact]
    public void Generated_passwords_have_every_kind_of_character_identity_asks_for_and_differ()
    {
        var passwords = Enumerable.Range(0, 500).Select(_ => CreateAdminCommand.GeneratePassword()).ToList();

        Assert.Equal(passwords.Count, passwords.Distinct().Count());
        Assert.All(passwords, password =>
        {
            Assert.True(password.Length >= 12);
            Assert.Contains(password, char.IsUpper);
            Assert.Contains(password, char.IsLower);
            Assert.Contains(password, char.IsDigit);
            Assert.Contains(password, c => !char.IsLetterOrDigit(c));
        });
    }
}
