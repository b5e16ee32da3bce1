using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Admin.Audit;
using PetitionSite.Data;
using PetitionSite.Petitions;

namespace PetitionSite.Admin.Petitions;

// Creates and edits petitions. Signers signed a particular text: once anyone has signed the current revision,
// a change to the title, summary or body becomes a new revision instead of rewriting what they signed.
public sealed class PetitionEditor(IDbContextFactory<PetitionsDbContext> factory, AuditLog audit, TimeProvider time)
{
    public async Task<ManagedPetition?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Petitions
            .AsNoTracking()
            .Where(p => p.Slug == slug)
            .Select(p => new ManagedPetition(
                p.Slug, p.Title, p.Summary, p.BodyMarkdown, p.Goal, p.State, p.Revision, p.SignatureCount, p.CreatedAt,
                p.OpensAt, p.ClosesAt, p.OpenedAt, p.ClosedAt, p.RejectionReason,
                db.Signatures.Count(s => s.PetitionId == p.Id && s.Revision == p.Revision),
                p.Language))
            .FirstOrDefaultAsync(cancellationToken);
    }

    // A new petition starts Pending, with its text as revision 1; nobody sees it until it is opened.
    public async Task<PetitionEditOutcome> CreateAsync(PetitionForm form, string actor, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Petitions.AnyAsync(p => p.Slug == form.Slug, cancellationToken))
        {
            return PetitionEditOutcome.SlugTaken;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var petition = new Petition
        {
            Slug = form.Slug!,
            Title = form.Title!,
            Summary = form.Summary!,
            BodyMarkdown = form.BodyMarkdown!,
            Language = form.Language!,
            Goal = form.ParsedGoal,
            State = PetitionState.Pending,
            Revision = 1,
            CreatedAt = now,
            OpensAt = form.ParsedOpensAt,
            ClosesAt = form.ParsedClosesAt,
        };
        db.Petitions.Add(petition);
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return PetitionEditOutcome.SlugTaken;
        }

        db.PetitionRevisions.Add(PetitionRevision.Of(petition, 1, now, actor));
        audit.Add(db, actor, AuditAction.PetitionCreated, petition.Slug, $"Created \"{petition.Title}\" in {petition.Language}, goal {petition.Goal}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return PetitionEditOutcome.Saved;
    }

    public async Task<PetitionEditOutcome> UpdateAsync(string slug, PetitionForm form, string actor, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Immediate on SQLite: no signature can land between counting the current revision's signers and saving.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var petition = await db.Petitions.FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (petition is null)
        {
            return PetitionEditOutcome.NotFound;
        }

        var newSlug = petition.State == PetitionState.Pending ? form.Slug! : petition.Slug;
        if (newSlug != petition.Slug && await db.Petitions.AnyAsync(p => p.Slug == newSlug, cancellationToken))
        {
            return PetitionEditOutcome.SlugTaken;
        }

        var changes = new List<string>();
        if (newSlug != petition.Slug)
        {
            changes.Add($"address {petition.Slug} → {newSlug}");
        }

        if (petition.Title != form.Title || petition.Summary != form.Summary || petition.BodyMarkdown != form.BodyMarkdown)
        {
            changes.Add(await ReviseTextAsync(db, petition, form, actor, cancellationToken));
        }

        if (petition.Language != form.Language)
        {
            // A petition is never translated into its own language: the admin removes that translation first.
            if (await db.PetitionTranslations.AnyAsync(t => t.PetitionId == petition.Id && t.Language == form.Language, cancellationToken))
            {
                return PetitionEditOutcome.TranslatedIntoLanguage;
            }

            changes.Add($"language {petition.Language} → {form.Language}");
            petition.Language = form.Language!;
        }

        if (petition.Goal != form.ParsedGoal)
        {
            changes.Add($"goal {petition.Goal} → {form.ParsedGoal}");
        }

        if (petition.OpensAt != form.ParsedOpensAt || petition.ClosesAt != form.ParsedClosesAt)
        {
            changes.Add($"dates opening {Describe(form.ParsedOpensAt)}, closing {Describe(form.ParsedClosesAt)}");
        }

        if (changes.Count == 0)
        {
            return PetitionEditOutcome.Saved;
        }

        petition.Slug = newSlug;
        petition.Goal = form.ParsedGoal;
        petition.OpensAt = form.ParsedOpensAt;
        petition.ClosesAt = form.ParsedClosesAt;
        audit.Add(db, actor, AuditAction.PetitionEdited, newSlug, "Changed " + string.Join("; ", changes));
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return PetitionEditOutcome.SlugTaken;
        }

        await transaction.CommitAsync(cancellationToken);
        return PetitionEditOutcome.Saved;
    }

    // Adds a revision if anyone signed the current one; otherwise nobody has seen it signed, so it is rewritten in place.
    private async Task<string> ReviseTextAsync(PetitionsDbContext db, Petition petition, PetitionForm form, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        petition.Title = form.Title!;
        petition.Summary = form.Summary!;
        petition.BodyMarkdown = form.BodyMarkdown!;
        var signed = await db.Signatures.AnyAsync(s => s.PetitionId == petition.Id && s.Revision == petition.Revision, cancellationToken);
        var current = signed ? null : await db.PetitionRevisions.FirstOrDefaultAsync(r => r.PetitionId == petition.Id && r.Number == petition.Revision, cancellationToken);
        if (current is null)
        {
            var number = signed ? petition.Revision + 1 : petition.Revision;
            db.PetitionRevisions.Add(PetitionRevision.Of(petition, number, now, actor));
            petition.Revision = number;
            return signed ? $"text: revision {number} added" : $"text: revision {number} written";
        }

        current.Title = petition.Title;
        current.Summary = petition.Summary;
        current.BodyMarkdown = petition.BodyMarkdown;
        current.CreatedAt = now;
        current.CreatedBy = actor;
        return $"text: revision {current.Number} rewritten (nobody had signed it)";
    }

    // Two admins choosing the same address at once: the unique index turns the second away with the same message.
    private static async Task<bool> TrySaveAsync(PetitionsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteErrorCode: 19 } inner && inner.Message.Contains("Petitions.Slug", StringComparison.Ordinal))
        {
            return false;
        }
    }

    private static string Describe(DateTime? moment) => moment is { } m ? PetitionDate.Describe(m) : "none";
}
