using Microsoft.Extensions.Options;
using PetitionSite.Signing;

namespace PetitionSite.Tests.Signing;

public sealed class DisposableDomainListTests
{
    private static readonly DisposableDomainList Shipped = new(Options.Create(new SigningOptions()));

    [Theory]
    [InlineData("ada@mailinator.com")]
    [InlineData("ada@MAILINATOR.COM")]
    [InlineData("ada@inbox.mailinator.com")]
    [InlineData("ada@guerrillamail.com")]
    [InlineData("ada@yopmail.com")]
    [InlineData("ada@someone.33mail.com")]
    [InlineData("ada@gmaıl.net")]
    public void Addresses_at_disposable_services_and_their_subdomains_are_listed(string email)
    {
        Assert.True(Shipped.IsDisposable(email));
    }

    [Theory]
    [InlineData("ada@example.org")]
    [InlineData("ada@example.com")]
    [InlineData("ada@example.net")]
    [InlineData("ada@petitions.test")]
    [InlineData("ada@gmail.com")]
    [InlineData("ada@outlook.com")]
    [InlineData("ada@proton.me")]
    [InlineData("ada@mailinator.com.example.org")]
    [InlineData("ada@mailinator-fan.example")]
    [InlineData("not an address")]
    [InlineData("")]
    [InlineData(null)]
    public void Ordinary_addresses_and_the_test_domains_are_not(string? email)
    {
        Assert.False(Shipped.IsDisposable(email));
    }

    [Fact]
    public void The_shipped_list_holds_the_package_snapshot()
    {
        Assert.True(DisposableDomainList.ShippedCount > 100_000, $"{DisposableDomainList.ShippedCount} domains");
    }

    [Fact]
    public void Configuration_adds_domains_and_allows_listed_ones()
    {
        var list = new DisposableDomainList(Options.Create(new SigningOptions
        {
            DisposableDomains = new() { Extra = ["Throwaway.example"], Allowed = ["mailinator.com"] },
        }));

        Assert.True(list.IsDisposable("ada@throwaway.example"));
        Assert.True(list.IsDisposable("ada@deep.throwaway.example"));
        Assert.False(list.IsDisposable("ada@mailinator.com"));
        Assert.False(list.IsDisposable("ada@inbox.mailinator.com"));
        Assert.True(list.IsDisposable("ada@yopmail.com"));
    }

    [Theory]
    [InlineData("Extra", "localhost")]
    [InlineData("Allowed", "ada@example.org")]
    [InlineData("Extra", "*.example.org")]
    public void A_setting_that_is_not_a_domain_is_named_at_start_up(string list, string value)
    {
        var options = new SigningOptions();
        (list == "Extra" ? options.DisposableDomains.Extra : options.DisposableDomains.Allowed).Add(value);

        var result = new SigningOptionsValidator().Validate(null, options);

        Assert.Equal([$"Signing:DisposableDomains:{list}: \"{value}\" is not a domain such as example.org."], result.Failures);
    }
}
