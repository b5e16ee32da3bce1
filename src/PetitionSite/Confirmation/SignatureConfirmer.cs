using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PetitionSite.Data;
using PetitionSite.Petitions;
using PetitionSite.Signing;
using PetitionSite.Site;

namespace PetitionSite.Confirmation;

public sealed class SignatureConfirmer(IDbContextFactory<PetitionsDbContext> factory, IOptions<PetitionOptions> options, TimeProvider time)
{
    // What a confirmation link would do, without doing it: a GET must never confirm.
    public async Task<ConfirmationResult> PreviewAsync(string token, CancellationToken cancellationToken)
    {
        if (!OneTimeTokens.TryHash(token, out var hash))
        {
            return ConfirmationResult.Unknown;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await FindAsync(db, hash, cancellationToken);
        return found is null ? ConfirmationResult.Unknown : new(StatusOf(found), found.Slug, found.Title);
    }

    // Confirms once: the signature's state and the petition's counts change together in one transaction.
    public async Task<ConfirmationResult> ConfirmAsync(string token, CancellationToken cancellationToken)
    {
        if (!OneTimeTokens.TryHash(token, out var hash))
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
            await PetitionCounts.MoveAsync(db, found.PetitionId, [new(now, found.CountryCode, found.Source)], +1, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new(confirmed == 1 ? ConfirmationStatus.Confirmed : ConfirmationStatus.AlreadyConfirmed, found.Slug, found.Title);
    }

    private ConfirmationStatus StatusOf(FoundToken found)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return found.State switch
        {
            SignatureState.Validated => ConfirmationStatus.AlreadyConfirmed,
            SignatureState.Invalidated => ConfirmationStatus.Unknown,
            _ when !CanStillCount(found, now) => ConfirmationStatus.PetitionClosed,
            _ when found.ExpiresAt <= now => ConfirmationStatus.Expired,
            _ => ConfirmationStatus.AwaitingConfirmation,
        };
    }

    // As on the UK Parliament's site: a signature made before closing counts if confirmed within the grace period after it.
    private bool CanStillCount(FoundToken found, DateTime now) => found.PetitionState switch
    {
        PetitionState.Open => true,
        PetitionState.Closed => found.ClosedAt is { } closedAt && found.SignedAt < closedAt && now <= closedAt + options.Value.ConfirmationGraceAfterClose,
        _ => false,
    };

    private static Task<FoundToken?> FindAsync(PetitionsDbContext db, byte[] hash, CancellationToken cancellationToken) =>
        db.ConfirmationTokens
            .AsNoTracking()
            .Where(t => t.Hash == hash)
            .Select(t => new FoundToken(
                t.SignatureId,
                t.ExpiresAt,
                t.Signature!.State,
                t.Signature.CreatedAt,
                t.Signature.CountryCode,
                t.Signature.Source,
                t.Signature.PetitionId,
                t.Signature.Petition!.Slug,
                t.Signature.Petition.Title,
                t.Signature.Petition.State,
                t.Signature.Petition.ClosedAt))
            .FirstOrDefaultAsync(cancellationToken);

    private sealed record FoundToken(
        long SignatureId,
        DateTime ExpiresAt,
        SignatureState State,
        DateTime SignedAt,
        string CountryCode,
        string? Source,
        int PetitionId,
        string Slug,
        string Title,
        PetitionState PetitionState,
        DateTime? ClosedAt);
}
