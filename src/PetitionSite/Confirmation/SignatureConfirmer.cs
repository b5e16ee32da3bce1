using Microsoft.EntityFrameworkCore;
using PetitionSite.Data;
using PetitionSite.Signing;

namespace PetitionSite.Confirmation;

public sealed class SignatureConfirmer(IDbContextFactory<PetitionsDbContext> factory, TimeProvider time)
{
    // What a confirmation link would do, without doing it: a GET must never confirm.
    public async Task<ConfirmationResult> PreviewAsync(string token, CancellationToken cancellationToken)
    {
        if (!ConfirmationTokens.TryHash(token, out var hash))
        {
            return ConfirmationResult.Unknown;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await FindAsync(db, hash, cancellationToken);
        return found is null ? ConfirmationResult.Unknown : new(StatusOf(found), found.Slug, found.Title);
    }

    // Confirms once: the signature's state and the petition's count change together in one transaction.
    public async Task<ConfirmationResult> ConfirmAsync(string token, CancellationToken cancellationToken)
    {
        if (!ConfirmationTokens.TryHash(token, out var hash))
        {
            return ConfirmationResult.Unknown;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var found = await FindAsync(db, hash, cancellationToken);
        if (found is null)
        {
            return ConfirmationResult.Unknown;
        }

        var status = StatusOf(found);
        if (status != ConfirmationStatus.AwaitingConfirmation)
        {
            return new(status, found.Slug, found.Title);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var confirmed = await db.Signatures
            .Where(s => s.Id == found.SignatureId && s.State == SignatureState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, SignatureState.Validated).SetProperty(x => x.ConfirmedAt, now), cancellationToken);
        if (confirmed == 1)
        {
            await db.Petitions
                .Where(p => p.Id == found.PetitionId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.SignatureCount, p => p.SignatureCount + 1), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new(confirmed == 1 ? ConfirmationStatus.Confirmed : ConfirmationStatus.AlreadyConfirmed, found.Slug, found.Title);
    }

    private ConfirmationStatus StatusOf(FoundToken found) => found.State switch
    {
        SignatureState.Validated => ConfirmationStatus.AlreadyConfirmed,
        SignatureState.Invalidated => ConfirmationStatus.Unknown,
        _ when found.ExpiresAt <= time.GetUtcNow().UtcDateTime => ConfirmationStatus.Expired,
        _ => ConfirmationStatus.AwaitingConfirmation,
    };

    private static Task<FoundToken?> FindAsync(PetitionsDbContext db, byte[] hash, CancellationToken cancellationToken) =>
        db.ConfirmationTokens
            .AsNoTracking()
            .Where(t => t.Hash == hash)
            .Select(t => new FoundToken(t.SignatureId, t.ExpiresAt, t.Signature!.State, t.Signature.PetitionId, t.Signature.Petition!.Slug, t.Signature.Petition.Title))
            .FirstOrDefaultAsync(cancellationToken);

    private sealed record FoundToken(long SignatureId, DateTime ExpiresAt, SignatureState State, int PetitionId, string Slug, string Title);
}
