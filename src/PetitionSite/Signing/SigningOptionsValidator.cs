using Microsoft.Extensions.Options;

namespace PetitionSite.Signing;

// Checked at start-up: a bad Signing setting stops the site with the setting named. Loading the shipped list of
// disposable domains here also puts its cost at start-up rather than on the first person to sign.
public sealed class SigningOptionsValidator : IValidateOptions<SigningOptions>
{
    public ValidateOptionsResult Validate(string? name, SigningOptions options)
    {
        var problems = options.Problems().ToList();
        if (DisposableDomainList.ShippedCount == 0)
        {
            problems.Add("The shipped list of disposable email domains (Signing/DisposableDomains) is empty.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
