using Microsoft.EntityFrameworkCore;
using PetitionSite.Data;

namespace PetitionSite.Unsubscribe;

// A signer's "keep me informed" consent, given on the form and withdrawn by the unsubscribe link. Organisers read it in
// the CSV export before writing to signers, so withdrawing it is what stops their emails; the signature itself stays.
public sealed class KeepInformedConsent(IDbContextFactory<PetitionsDbContext> factory)
{
    // The petition a signature is on, or null when the signature is gone (withdrawn, or erased after closing).
    public async Task<string?> PetitionTitleAsync(long signatureId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Signatures
            .AsNoTracking()
            .Where(s => s.Id == signatureId)
            .Select(s => s.Petition!.Title)
            .FirstOrDefaultAsync(cancellationToken);
    }

    // Idempotent: pressing twice, or a mail provider posting after the signer did, changes nothing more.
    public async Task WithdrawAsync(long signatureId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Signatures
            .Where(s => s.Id == signatureId && s.KeepInformed)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.KeepInformed, false).SetProperty(x => x.KeepInformedConsentedAt, (DateTime?)null), cancellationToken);
    }
}
