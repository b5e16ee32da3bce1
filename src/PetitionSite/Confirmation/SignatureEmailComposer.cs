using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PetitionSite.Data;
using PetitionSite.Email;
using PetitionSite.Site;
using PetitionSite.Unsubscribe;
using PetitionSite.Withdrawal;

namespace PetitionSite.Confirmation;

// Writes the emails about a signature: a confirmation link or "you have already signed", each with a link to withdraw.
// Links are minted here and only their hashes stored.
public sealed class SignatureEmailComposer(SignatureEmails emails, UnsubscribeLinks unsubscribeLinks, IOptions<SiteOptions> site) : IEmailComposer
{
    public IReadOnlyCollection<OutboxMessageKind> Kinds { get; } = [OutboxMessageKind.ConfirmationRequest, OutboxMessageKind.AlreadySigned];

    public async Task<IReadOnlyList<OutgoingEmail?>> ComposeAsync(PetitionsDbContext db, IReadOnlyList<DueMessage> due, DateTime now, CancellationToken cancellationToken)
    {
        var ids = due.Where(m => m.SignatureId is not null).Select(m => m.SignatureId!.Value).Distinct().ToList();
        var signatures = await db.Signatures
            .AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.FirstName, s.LastName, s.Email, s.KeepInformed, s.Language, s.PetitionId, s.Petition!.Slug, s.Petition.Title })
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        // Each email names the petition in its own language where the petition has been translated into it.
        var petitionIds = signatures.Values.Select(s => s.PetitionId).Distinct().ToList();
        var translatedTitles = await db.PetitionTranslations
            .AsNoTracking()
            .Where(t => petitionIds.Contains(t.PetitionId))
            .Select(t => new { t.PetitionId, t.Language, t.Title })
            .ToDictionaryAsync(t => (t.PetitionId, t.Language), t => t.Title, cancellationToken);

        var composed = new OutgoingEmail?[due.Count];
        for (var i = 0; i < due.Count; i++)
        {
            if (due[i].SignatureId is not { } id || !signatures.TryGetValue(id, out var signature))
            {
                continue;
            }

            string? token = null;
            if (due[i].Kind == OutboxMessageKind.ConfirmationRequest)
            {
                (token, var hash) = OneTimeTokens.Mint();
                db.ConfirmationTokens.Add(new ConfirmationToken
                {
                    Hash = hash,
                    SignatureId = id,
                    CreatedAt = now,
                    ExpiresAt = now + site.Value.ConfirmationLinkLifetime,
                });
            }

            var (withdrawalToken, withdrawalHash) = OneTimeTokens.Mint();
            db.WithdrawalTokens.Add(new WithdrawalToken { Hash = withdrawalHash, SignatureId = id, CreatedAt = now });

            // The language of the page this email was asked from: someone signing again may be on another one.
            var language = due[i].Language ?? signature.Language;
            var title = translatedTitles.GetValueOrDefault((signature.PetitionId, language), signature.Title);
            var unsubscribe = signature.KeepInformed ? unsubscribeLinks.LinkFor(id, language) : null;
            var message = new SignatureMessage(due[i].Kind, id, signature.FirstName, signature.LastName, signature.Email, signature.Slug, title, unsubscribe, language);
            composed[i] = emails.Compose(message, token, withdrawalToken);
        }

        return composed;
    }
}
