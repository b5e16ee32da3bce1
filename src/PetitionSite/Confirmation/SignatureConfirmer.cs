using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PetitionSite.Data;
using PetitionSite.Petitions;
using PetitionSite.Signing;
using PetitionSite.Site;
using PetitionSite.Languages;

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
        var found = await FindByHash(db, hash, cancellationToken);
        if (found is null)
        {
            return ConfirmationResult.Unknown;
        }

        // The page names the petition in its own language where it has been translated into it.
        var language = SiteLanguages.Current;
        var translated = await db.PetitionTranslations
            .AsNoTracking()
            .Where(t => t.PetitionId == found.PetitionId && t.Language == language)
            .Select(t => t.Title)
            .FirstOrDefaultAsync(cancellationToken);
        return new(StatusOf(found), found.Slug, translated ?? found.Title, translated is null ? found.Language : language);
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
        var confirming = new Dictionary<long, FoundToken>();
        for (var i = 0; i < batch.Count; i++)
        {
            var found = await FindByHash(db, batch[i], CancellationToken.None);
            if (found is null)
            {
                results[i] = ConfirmationResult.Unknown;
                continue;
            }

            var status = StatusOf(found);
            // The same signature twice in one batch (two links, or one pressed twice) confirms once.
            results[i] = status != ConfirmationStatus.AwaitingConfirmation ? new(status, found.Slug, found.Title, found.Language)
                : confirming.TryAdd(found.SignatureId, found) ? new(ConfirmationStatus.Confirmed, found.Slug, found.Title, found.Language)
                : new(ConfirmationStatus.AlreadyConfirmed, found.Slug, found.Title, found.Language);
        }

        // One statement for the batch. The transaction holds SQLite's write lock from its start, so every row read as
        // pending above is still pending here; the state guard keeps that true on a database that locks differently.
        var ids = confirming.Keys.ToList();
        var confirmed = ids.Count == 0 ? 0 : await db.Signatures
            .Where(s => ids.Contains(s.Id) && s.State == SignatureState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, SignatureState.Validated).SetProperty(x => x.ConfirmedAt, now));
        if (confirmed != ids.Count)
        {
            throw new InvalidOperationException($"{ids.Count} signatures were read as pending but {confirmed} were confirmed; nothing is committed.");
        }

        var counted = confirming.Values
            .GroupBy(f => f.PetitionId)
            .ToDictionary(g => g.Key, g => g.Select(f => new CountedSignature(now, f.CountryCode, f.Source)).ToList());
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

    // Precompiled: the confirming loop runs it once per link in every batch.
    private static readonly Func<PetitionsDbContext, byte[], CancellationToken, Task<FoundToken?>> FindByHash =
        EF.CompileAsyncQuery((PetitionsDbContext db, byte[] hash, CancellationToken _) => db.ConfirmationTokens
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
                t.Signature.Petition.Language,
                t.Signature.Petition.State,
                t.Signature.Petition.ClosedAt))
            .FirstOrDefault());

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
        string Language,
        PetitionState PetitionState,
        DateTime? ClosedAt);
}
