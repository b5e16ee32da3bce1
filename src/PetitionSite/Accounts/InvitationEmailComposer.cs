using Microsoft.EntityFrameworkCore;
using PetitionSite.Data;
using PetitionSite.Email;
using PetitionSite.Site;

namespace PetitionSite.Accounts;

// Writes invitation emails. The link's token is minted here and only its hash stored, replacing any earlier one,
// and the invitation's three days start when its email leaves, not while the email waits out a mail outage.
public sealed class InvitationEmailComposer(InvitationEmails emails) : IEmailComposer
{
    public IReadOnlyCollection<OutboxMessageKind> Kinds { get; } = [OutboxMessageKind.Invitation];

    public async Task<IReadOnlyList<OutgoingEmail?>> ComposeAsync(PetitionsDbContext db, IReadOnlyList<DueMessage> due, DateTime now, CancellationToken cancellationToken)
    {
        var ids = due.Where(m => m.InvitationId is not null).Select(m => m.InvitationId!.Value).Distinct().ToList();
        // Tracked: the new hash and expiry are saved by the sender before any email leaves.
        var invitations = await db.Invitations
            .Where(i => ids.Contains(i.Id) && i.AcceptedAt == null)
            .ToDictionaryAsync(i => i.Id, cancellationToken);

        var composed = new OutgoingEmail?[due.Count];
        for (var i = 0; i < due.Count; i++)
        {
            if (due[i].InvitationId is not { } id || !invitations.TryGetValue(id, out var invitation))
            {
                continue;
            }

            var (token, hash) = OneTimeTokens.Mint();
            invitation.TokenHash = hash;
            invitation.ExpiresAt = now + Invitation.Lifetime;
            composed[i] = emails.Compose(invitation.Email, invitation.InvitedBy, invitation.ExpiresAt, token);
        }

        return composed;
    }
}
