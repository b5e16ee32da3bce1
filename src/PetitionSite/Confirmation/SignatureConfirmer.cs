using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PetitionSite.Data;
using PetitionSite.Petitions;
using PetitionSite.Signing;
using PetitionSite.Site;

namespace PetitionSite.Confirmation;

// Confirms signatures. Like signing, confirming goes through one loop that commits in batches (BatchedWriter): when many
// people press their links at once they share one transaction instead of queueing for SQLite's write lock one by one.
// Each signature's state and its petition's counts change together, guarded so that races count once.
public sealed class SignatureConfirmer(
    IDbContextFactory<PetitionsDbContext> factory,
    CountRefresh countRefresh,
    IOptions<PetitionOptions> options,
    TimeProvider time,
    ILogger<SignatureConfirmer> logger) : BatchedWriter<byte[], ConfirmationResult>(logger)
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

    public async Task<ConfirmationResult> ConfirmAsync(string token, CancellationToken cancellationToken)
    {
        if (!OneTimeTokens.TryHash(token, out var hash))
        {
            return ConfirmationResult.Unknown;
        }

        return await WriteAsync(hash, cancellationToken);
    }

    // The cached copies of the petitions whose counts moved follow within CountRefresh's interval.
    protected override void Committed(IReadOnlyList<ConfirmationResult> results)
    {
        foreach (var slug in results.Where(r => r.Status == ConfirmationStatus.Confirmed).Select(r => r.Slug!).Distinct())
        {
            countRefresh.CountMoved(slug);
        }
    }

    protected override async Task<ConfirmationResult[]> CommitAsync(IReadOnlyList<byte[]> batch)
    {
        await using var db = await factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = time.GetUtcNow().UtcDateTime;
        var results = new ConfirmationResult[batch.Count];
        var counted = new Dictionary<int, List<CountedSignature>>();
        for (var i = 0; i < batch.Count; i++)
        {
            var found = await FindAsync(db, batch[i], CancellationToken.None);
            if (found is null)
            {
                results[i] = ConfirmationResult.Unknown;
                continue;
            }

            var status = StatusOf(found);
            if (status != ConfirmationStatus.AwaitingConfirmation)
            {
                results[i] = new(status, found.Slug, found.Title);
                continue;
            }

            // Guarded by its state: the same link pressed twice in one batch, or in two, confirms once.
            var confirmed = await db.Signatures
                .Where(s => s.Id == found.SignatureId && s.State == SignatureState.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, SignatureState.Validated).SetProperty(x => x.ConfirmedAt, now));
            if (confirmed == 1)
            {
                (counted.TryGetValue(found.PetitionId, out var list) ? list : counted[found.PetitionId] = []).Add(new(now, found.CountryCode, found.Source));
            }

            results[i] = new(confirmed == 1 ? ConfirmationStatus.Confirmed : ConfirmationStatus.AlreadyConfirmed, found.Slug, found.Title);
        }

        foreach (var (petitionId, signatures) in counted)
        {
            await PetitionCounts.MoveAsync(db, petitionId, signatures, +1, CancellationToken.None);
        }

        await transaction.CommitAsync();
        return results;
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
