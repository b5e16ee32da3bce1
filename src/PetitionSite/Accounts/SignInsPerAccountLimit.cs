using Microsoft.Extensions.Options;
using PetitionSite.Site;

namespace PetitionSite.Accounts;

// How often one account may be tried, from any address, keyed by Identity's normalised email (known account or not).
public sealed class SignInsPerAccountLimit(IOptions<RateLimitingOptions> options)
    : PerKeyRateLimit(options.Value, options.Value.SignInPerAccount);
