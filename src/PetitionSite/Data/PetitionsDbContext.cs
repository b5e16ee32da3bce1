using Microsoft.EntityFrameworkCore;
using PetitionSite.Confirmation;
using PetitionSite.Email;
using PetitionSite.Petitions;
using PetitionSite.Signing;

namespace PetitionSite.Data;

public sealed class PetitionsDbContext(DbContextOptions<PetitionsDbContext> options) : DbContext(options)
{
    public DbSet<Petition> Petitions => Set<Petition>();

    public DbSet<Signature> Signatures => Set<Signature>();

    public DbSet<ConfirmationToken> ConfirmationTokens => Set<ConfirmationToken>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Petition>(petition =>
        {
            petition.HasIndex(p => p.Slug).IsUnique();
            petition.Property(p => p.Slug).HasMaxLength(100);
            petition.Property(p => p.Title).HasMaxLength(200);
            petition.Property(p => p.Summary).HasMaxLength(500);
            petition.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        });

        modelBuilder.Entity<Signature>(signature =>
        {
            signature.HasIndex(s => new { s.PetitionId, s.NormalizedEmail }).IsUnique();
            signature.HasIndex(s => new { s.PetitionId, s.State });
            signature.Property(s => s.FirstName).HasMaxLength(SignatureLimits.NameLength);
            signature.Property(s => s.LastName).HasMaxLength(SignatureLimits.NameLength);
            signature.Property(s => s.Email).HasMaxLength(SignatureLimits.EmailLength);
            signature.Property(s => s.NormalizedEmail).HasMaxLength(SignatureLimits.EmailLength);
            signature.Property(s => s.CountryCode).HasMaxLength(2);
            signature.Property(s => s.Postcode).HasMaxLength(SignatureLimits.PostcodeLength);
            signature.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        });

        modelBuilder.Entity<ConfirmationToken>(token =>
        {
            token.HasKey(t => t.Hash);
            token.HasIndex(t => t.SignatureId);
        });

        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.HasIndex(m => new { m.State, m.NextAttemptAt });
            message.Property(m => m.Kind).HasConversion<string>().HasMaxLength(40);
            message.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
            message.Property(m => m.LastError).HasMaxLength(1000);
        });
    }
}
