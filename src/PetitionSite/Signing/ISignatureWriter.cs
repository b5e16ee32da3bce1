namespace PetitionSite.Signing;

// The single writer as the signing form sees it: returns once the signature and its outbox row are committed.
public interface ISignatureWriter
{
    Task<SigningOutcome> SignAsync(NewSignature signature, CancellationToken cancellationToken);
}
