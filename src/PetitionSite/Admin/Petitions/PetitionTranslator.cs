using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Admin.Audit;
using PetitionSite.Data;
using PetitionSite.Languages;
using PetitionSite.Petitions;

namespace PetitionSite.Admin.Petitions;

// Adds, changes and removes a petition's translations. Each change is audited and shows on the public pages at once,
// in every language: the cached copies of the petition's page and of the list are dropped.
public sealed class PetitionTranslator(IDbContextFactory<PetitionsDbContext> factory, IOutputCacheStore cachedPages, AuditLog audit, TimeProvider time)
{
    public async Task<TranslatedPetition?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var petition = await db.Petitions
            .AsNoTracking()
            .Where(p => p.Slug == slug)
            .Select(p => new { p.Id, p.Slug, p.Title, p.Summary, p.BodyMarkdown, p.Language })
            .FirstOrDefaultAsync(cancellationToken);
        if (petition is null)
        {
            return null;
        }

        var translations = await db.PetitionTranslations
            .AsNoTracking()
            .Where(t => t.PetitionId == petition.Id)
            .Select(t => new PetitionTranslationLine(t.Language, t.Title, t.Summary, t.BodyMarkdown, t.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new TranslatedPetition(petition.Id, petition.Slug, petition.Title, petition.Summary, petition.BodyMarkdown, petition.Language, translations);
    }

    // A language the site speaks, other than the one the petition is written in.
    public static bool CanTranslate(TranslatedPetition petition, string language) =>
        SiteLanguages.All.Contains(language) && language != petition.Language;

    public async Task SaveAsync(TranslatedPetition petition, string language, TranslationForm form, string actor, CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            // Immediate on SQLite: two admins saving the same language at once both land, the later one replacing the first.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var translation = await db.PetitionTranslations.FirstOrDefaultAsync(t => t.PetitionId == petition.Id && t.Language == language, cancellationToken);
            var added = translation is null;
            translation ??= db.PetitionTranslations.Add(new PetitionTranslation
            {
                PetitionId = petition.Id,
                Language = language,
                Title = "",
                Summary = "",
                BodyMarkdown = "",
            }).Entity;
            translation.Title = form.Title!;
            translation.Summary = form.Summary!;
            translation.BodyMarkdown = form.BodyMarkdown!;
            translation.UpdatedAt = time.GetUtcNow().UtcDateTime;
            audit.Add(db, actor, added ? AuditAction.TranslationAdded : AuditAction.TranslationChanged, petition.Slug,
                $"{LanguageNames.InEnglish(language)} translation {(added ? "added" : "changed")}: \"{translation.Title}\"");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await cachedPages.EvictCountOfAsync(petition.Slug);
    }

    // False when there was no translation into that language.
    public async Task<bool> RemoveAsync(TranslatedPetition petition, string language, string actor, CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var removed = await db.PetitionTranslations
                .Where(t => t.PetitionId == petition.Id && t.Language == language)
                .ExecuteDeleteAsync(cancellationToken);
            if (removed == 0)
            {
                return false;
            }

            audit.Add(db, actor, AuditAction.TranslationRemoved, petition.Slug, $"{LanguageNames.InEnglish(language)} translation removed");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await cachedPages.EvictCountOfAsync(petition.Slug);
        return true;
    }
}
