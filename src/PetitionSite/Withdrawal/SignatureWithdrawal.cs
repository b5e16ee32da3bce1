using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Admin.Audit;
using PetitionSite.Data;
using PetitionSite.Petitions;
using PetitionSite.Signing;
using PetitionSite.Site;

namespace PetitionSite.Withdrawal;

// Withdraws a signature at its signer's request, through the link in any email about it. The row is deleted, and with
// it (the foreign keys cascade) its links and waiting emails; a confirmed signature leaves the count in the same transaction.
public sealed class SignatureWithdrawal(IDbContextFactory<PetitionsDbContext> factory, IOutputCacheStore cachedPages, AuditLog audit)
{
    // What a withdrawal link would do, without doing it: a GET must never withdraw. Null for an unknown or used link.
    public async Task<WithdrawalPreview?> PreviewAsync(string token, CancellationToken cancellationToken)
    {
        if (!OneTimeTokens.TryHash(token, out var hash))
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.WithdrawalTokens
            .AsNoTracking()
            .Where(t => t.Hash == hash)
            .Select(t => new WithdrawalPreview(t.Signature!.Petition!.Title, t.Signature.Petition.Language, t.Signature.State == SignatureState.Validated))
            .FirstOrDefaultAsync(cancellationToken);
    }

    // False when there is nothing to withdraw: an unknown link, or one already used (a second press).
    public async Task<bool> WithdrawAsync(string token, CancellationToken cancellationToken)
    {
        if (!OneTimeTokens.TryHash(token, out var hash))
        {
            return false;
        }

        string slug;
        bool wasCounted;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            // Immediate on SQLite: the state read is the state deleted, even if the signer is confirming at the same moment.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var found = await db.WithdrawalTokens
                .Where(t => t.Hash == hash)
                .Select(t => new
                {
                    t.SignatureId,
                    t.Signature!.State,
                    t.Signature.ConfirmedAt,
                    t.Signature.CountryCode,
                    t.Signature.Source,
                    t.Signature.PetitionId,
                    t.Signature.Petition!.Slug,
                })
                .FirstOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return false;
            }

            await db.Signatures.Where(s => s.Id == found.SignatureId).ExecuteDeleteAsync(cancellationToken);
            wasCounted = found.State == SignatureState.Validated;
            if (wasCounted)
            {
                await PetitionCounts.MoveAsync(db, found.PetitionId, [new(found.ConfirmedAt!.Value, found.CountryCode, found.Source)], -1, cancellationToken);
            }

            // Nothing that could tell who withdrew: no name, address, country or signature number.
            audit.Add(db, null, AuditAction.SignatureWithdrawn, found.Slug, wasCounted
                ? "A confirmed signature was withdrawn by its signer; the count went down by one"
                : "A signature was withdrawn by its signer before it counted; the count did not change");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            slug = found.Slug;
        }

        if (wasCounted)
        {
            await cachedPages.EvictCountOfAsync(slug);
        }

        return true;
    }
}
