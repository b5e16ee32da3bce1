using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PetitionSite.Site;

namespace PetitionSite.Tests.Site;

public sealed class RateLimitingOptionsTests
{
    [Fact]
    public void The_defaults_are_on_and_valid()
    {
        var options = Bind([]);

        Assert.True(options.Enabled);
        Assert.All([options.SigningPerClient, options.SigningPerEmail, options.ConfirmingPerClient, options.SignInPerClient, options.SignInPerAccount], limit => Assert.True(limit.IsValid));
    }

    [Fact]
    public void One_number_can_be_changed_and_the_rest_of_its_limit_keeps_its_default()
    {
        var options = Bind(new() { ["RateLimiting:SigningPerClient:PermitLimit"] = "50" });

        Assert.Equal(50, options.SigningPerClient.PermitLimit);
        Assert.Equal(new RateLimitingOptions().SigningPerClient.Window, options.SigningPerClient.Window);
    }

    [Fact]
    public void Enabled_false_turns_every_limit_off_with_one_setting()
    {
        Assert.False(Bind(new() { ["RateLimiting:Enabled"] = "false" }).Enabled);
    }

    [Theory]
    [InlineData("SigningPerClient", "PermitLimit", "0")]
    [InlineData("SigningPerEmail", "PermitLimit", "-3")]
    [InlineData("ConfirmingPerClient", "PermitLimit", "100000")]
    [InlineData("SignInPerClient", "Window", "00:00:00")]
    [InlineData("SignInPerAccount", "Window", "2.00:00:00")]
    public void A_limit_that_cannot_work_stops_the_site_naming_the_setting(string limit, string part, string value)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new() { [$"RateLimiting:{limit}:{part}"] = value }));

        Assert.Contains($"RateLimiting:{limit} needs a PermitLimit from 1 to 10000", failure.Message, StringComparison.Ordinal);
    }

    private static RateLimitingOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddRateLimits(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
    }
}
