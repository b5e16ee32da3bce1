using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Accounts;
using PetitionSite.Admin.Audit;
using PetitionSite.Confirmation;
using PetitionSite.Email;
using PetitionSite.Languages;
using PetitionSite.Petitions;
using PetitionSite.Signing;
using PetitionSite.Site;
using PetitionSite.Withdrawal;

namespace PetitionSite.Data;

// One database for petitions, signatures, their emails and the back office's accounts (ASP.NET Core Identity's tables).
public sealed class PetitionsDbContext(DbContextOptions<PetitionsDbContext> options) : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<Petition> Petitions => Set<Petition>();

    public DbSet<PetitionRevision> PetitionRevisions => Set<PetitionRevision>();

    public DbSet<PetitionTranslation> PetitionTranslations => Set<PetitionTranslation>();

    public DbSet<Signature> Signatures => Set<Signature>();

    public DbSet<SignatureCounter> SignatureCounters => Set<SignatureCounter>();

    public DbSet<ConfirmationToken> ConfirmationTokens => Set<ConfirmationToken>();

    public DbSet<WithdrawalToken> WithdrawalTokens => Set<WithdrawalToken>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<PetitionOrganiser> PetitionOrganisers => Set<PetitionOrganiser>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    // A language's two-letter code ("en", "fr", "ar"), with room for a region should one be needed.
    private const int LanguageLength = 10;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Petition>(petition =>
        {
            petition.HasIndex(p => p.Slug).IsUnique();
            petition.Property(p => p.Slug).HasMaxLength(100);
            petition.Property(p => p.Title).HasMaxLength(200);
            petition.Property(p => p.Summary).HasMaxLength(500);
            petition.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
            petition.Property(p => p.RejectionReason).HasMaxLength(1000);
            petition.Property(p => p.Language).HasMaxLength(LanguageLength).HasDefaultValue(SiteLanguages.Default);
        });

        builder.Entity<PetitionTranslation>(translation =>
        {
            translation.HasIndex(t => new { t.PetitionId, t.Language }).IsUnique();
            translation.HasOne<Petition>().WithMany().HasForeignKey(t => t.PetitionId).OnDelete(DeleteBehavior.Cascade);
            translation.Property(t => t.Language).HasMaxLength(LanguageLength);
            translation.Property(t => t.Title).HasMaxLength(200);
            translation.Property(t => t.Summary).HasMaxLength(500);
        });

        builder.Entity<PetitionRevision>(revision =>
        {
            revision.HasIndex(r => new { r.PetitionId, r.Number }).IsUnique();
            revision.HasOne<Petition>().WithMany().HasForeignKey(r => r.PetitionId).OnDelete(DeleteBehavior.Cascade);
            revision.Property(r => r.Title).HasMaxLength(200);
            revision.Property(r => r.Summary).HasMaxLength(500);
            revision.Property(r => r.CreatedBy).HasMaxLength(256);
        });

        builder.Entity<Signature>(signature =>
        {
            // Mailbox first: the same index finds one petition's signer and every email an address was sent (the daily cap).
            signature.HasIndex(s => new { s.NormalizedEmail, s.PetitionId }).IsUnique();
            signature.HasIndex(s => new { s.PetitionId, s.State });
            // The dashboard's latest signers and moderation's time windows read by these.
            signature.HasIndex(s => new { s.PetitionId, s.ConfirmedAt });
            signature.HasIndex(s => new { s.PetitionId, s.CreatedAt });
            signature.Property(s => s.FirstName).HasMaxLength(SignatureLimits.NameLength);
            signature.Property(s => s.LastName).HasMaxLength(SignatureLimits.NameLength);
            signature.Property(s => s.Email).HasMaxLength(SignatureLimits.EmailLength);
            signature.Property(s => s.NormalizedEmail).HasMaxLength(SignatureLimits.EmailLength);
            signature.Property(s => s.CountryCode).HasMaxLength(2);
            signature.Property(s => s.Postcode).HasMaxLength(SignatureLimits.PostcodeLength);
            signature.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
            signature.Property(s => s.Source).HasMaxLength(SignatureLimits.SourceLength);
            signature.Property(s => s.InvalidationReason).HasMaxLength(500);
            signature.Property(s => s.ClientAddress).HasMaxLength(ClientAddress.TextLength);
            signature.Property(s => s.ClientNetwork).HasMaxLength(ClientAddress.NetworkLength);
            signature.Property(s => s.Language).HasMaxLength(LanguageLength).HasDefaultValue(SiteLanguages.Default);
        });

        builder.Entity<SignatureCounter>(counter =>
        {
            counter.HasKey(c => new { c.PetitionId, c.Kind, c.Key });
            counter.HasOne<Petition>().WithMany().HasForeignKey(c => c.PetitionId).OnDelete(DeleteBehavior.Cascade);
            counter.Property(c => c.Kind).HasConversion<string>().HasMaxLength(10);
            counter.Property(c => c.Key).HasMaxLength(SignatureLimits.SourceLength);
        });

        builder.Entity<ConfirmationToken>(token =>
        {
            token.HasKey(t => t.Hash);
            token.HasIndex(t => t.SignatureId);
        });

        builder.Entity<WithdrawalToken>(token =>
        {
            token.HasKey(t => t.Hash);
            token.HasIndex(t => t.SignatureId);
        });

        builder.Entity<OutboxMessage>(message =>
        {
            message.HasIndex(m => new { m.State, m.NextAttemptAt });
            message.HasOne<Signature>().WithMany().HasForeignKey(m => m.SignatureId).OnDelete(DeleteBehavior.Cascade);
            message.HasOne<Invitation>().WithMany().HasForeignKey(m => m.InvitationId).OnDelete(DeleteBehavior.Cascade);
            message.Property(m => m.Kind).HasConversion<string>().HasMaxLength(40);
            message.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
            message.Property(m => m.LastError).HasMaxLength(1000);
            message.Property(m => m.Language).HasMaxLength(LanguageLength);
        });

        builder.Entity<PetitionOrganiser>(organiser =>
        {
            organiser.HasKey(o => new { o.PetitionId, o.UserId });
            organiser.HasIndex(o => o.UserId);
            organiser.HasOne<Petition>().WithMany().HasForeignKey(o => o.PetitionId).OnDelete(DeleteBehavior.Cascade);
            organiser.HasOne<IdentityUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Invitation>(invitation =>
        {
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            invitation.HasOne<IdentityUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
            invitation.Property(i => i.Email).HasMaxLength(256);
            invitation.Property(i => i.InvitedBy).HasMaxLength(256);
        });

        builder.Entity<AuditEntry>(entry =>
        {
            entry.HasIndex(e => e.At);
            entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(40);
            entry.Property(e => e.Actor).HasMaxLength(256);
            entry.Property(e => e.PetitionSlug).HasMaxLength(100);
            entry.Property(e => e.Details).HasMaxLength(2000);
        });
    }
}
