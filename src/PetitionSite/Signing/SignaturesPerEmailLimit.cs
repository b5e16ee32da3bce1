using Microsoft.Extensions.Options;
using PetitionSite.Site;

namespace PetitionSite.Signing;

// How often one mailbox may be signed with, from any address: keyed by the canonical address, as duplicates are.
public sealed class SignaturesPerEmailLimit(IOptions<RateLimitingOptions> options)
    : PerKeyRateLimit(options.Value, options.Value.SigningPerEmail);
