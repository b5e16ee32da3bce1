using PetitionSite.Signing;

namespace PetitionSite.Benchmarks;

// The benchmark's "write left out" mode: the whole signing pipeline runs, and the signature goes nowhere.
public sealed class DiscardingSignatureWriter : ISignatureWriter
{
    public Task<SigningOutcome> SignAsync(NewSignature signature, CancellationToken cancellationToken) => Task.FromResult(SigningOutcome.Accepted);
}
