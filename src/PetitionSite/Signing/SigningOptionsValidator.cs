using Microsoft.Extensions.Options;

namespace PetitionSite.Signing;

// Checked at start-up: a bad Signing setting stops the site with the setting named.
public sealed class SigningOptionsValidator : IValidateOptions<SigningOptions>
{
    public ValidateOptionsResult Validate(string? name, SigningOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
