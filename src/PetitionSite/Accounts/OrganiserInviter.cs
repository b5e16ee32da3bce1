using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Admin.Audit;
using PetitionSite.Data;
using PetitionSite.Email;
using PetitionSite.Site;

namespace PetitionSite.Accounts;

// An admin invites an organiser: an account without a password, and an email with a link to choose one.
// The account, the invitation, its email and the audit line are committed together, or not at all.
public sealed class OrganiserInviter(
    PetitionsDbContext db,
    UserManager<IdentityUser> users,
    RoleManager<IdentityRole> roles,
    AuditLog audit,
    OutboxSignal outbox,
    TimeProvider time)
{
    public async Task<(InvitationOutcome Outcome, IReadOnlyList<string> Problems)> InviteAsync(string email, string invitedBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var user = await users.FindByEmailAsync(email);
        if (user is not null)
        {
            if (user.PasswordHash is not null)
            {
                return (InvitationOutcome.AlreadyHasAccount, []);
            }

            await using var again = await db.Database.BeginTransactionAsync(cancellationToken);
            var pending = await db.Invitations.Where(i => i.UserId == user.Id && i.AcceptedAt == null).OrderByDescending(i => i.Id).FirstOrDefaultAsync(cancellationToken);
            if (pending is null)
            {
                // The retention jobs delete an invitation long expired; the account waiting for it gets a new one.
                pending = new Invitation { UserId = user.Id, Email = email, TokenHash = [] };
                db.Invitations.Add(pending);
            }

            // A hash no link matches: the link in the earlier email stops working now, not when the new one is sent.
            pending.TokenHash = OneTimeTokens.Mint().Hash;
            pending.CreatedAt = now;
            pending.ExpiresAt = now + Invitation.Lifetime;
            pending.InvitedBy = invitedBy;
            await db.SaveChangesAsync(cancellationToken);
            db.OutboxMessages.Add(EmailAbout(pending.Id, now));
            audit.Add(db, invitedBy, AuditAction.OrganiserInvited, null, $"Invited again: {email}");
            await db.SaveChangesAsync(cancellationToken);
            await again.CommitAsync(cancellationToken);
            outbox.Notify();
            return (InvitationOutcome.InvitedAgain, []);
        }

        if (!await roles.RoleExistsAsync(Roles.Organiser))
        {
            await roles.CreateAsync(new IdentityRole(Roles.Organiser));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = false };
        var created = await users.CreateAsync(user);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, Roles.Organiser);
        }

        if (!created.Succeeded)
        {
            return (InvitationOutcome.AlreadyHasAccount, created.Errors.Select(e => e.Description).ToList());
        }

        // The link's token is minted when the email is written, so it exists nowhere but in the email.
        var invitation = new Invitation
        {
            UserId = user.Id,
            Email = email,
            TokenHash = OneTimeTokens.Mint().Hash,
            CreatedAt = now,
            ExpiresAt = now + Invitation.Lifetime,
            InvitedBy = invitedBy,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        db.OutboxMessages.Add(EmailAbout(invitation.Id, now));
        audit.Add(db, invitedBy, AuditAction.OrganiserInvited, null, email);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return (InvitationOutcome.Invited, []);
    }

    private static OutboxMessage EmailAbout(long invitationId, DateTime now) => new()
    {
        Kind = OutboxMessageKind.Invitation,
        InvitationId = invitationId,
        State = OutboxState.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };
}
