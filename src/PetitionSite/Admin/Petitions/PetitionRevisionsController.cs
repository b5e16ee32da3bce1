using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Accounts;
using PetitionSite.Data;
using PetitionSite.Petitions;
using PetitionSite.Signing;

namespace PetitionSite.Admin.Petitions;

// Every text a petition has had, and how many people signed each: signers signed the text of their revision.
[Authorize(Policy = AccessPolicies.Admin)]
public sealed class PetitionRevisionsController(IDbContextFactory<PetitionsDbContext> factory, PetitionMarkdown markdown) : BackOfficeController
{
    [HttpGet("/admin/petitions/{slug}/revisions")]
    public async Task<IActionResult> Index(string slug, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var petition = await db.Petitions.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Title, p.Revision }).FirstOrDefaultAsync(cancellationToken);
        if (petition is null)
        {
            return NotFound();
        }

        return View(new RevisionsPage(slug, petition.Title, petition.Revision, await SummariesAsync(db, petition.Id, cancellationToken)));
    }

    [HttpGet("/admin/petitions/{slug}/revisions/{number:int}")]
    public async Task<IActionResult> Show(string slug, int number, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var petition = await db.Petitions.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Revision }).FirstOrDefaultAsync(cancellationToken);
        var text = petition is null
            ? null
            : await db.PetitionRevisions.AsNoTracking()
                .Where(r => r.PetitionId == petition.Id && r.Number == number)
                .Select(r => new { r.Summary, r.BodyMarkdown })
                .FirstOrDefaultAsync(cancellationToken);
        if (petition is null || text is null)
        {
            return NotFound();
        }

        var summary = (await SummariesAsync(db, petition.Id, cancellationToken)).Single(r => r.Number == number);
        return View(new RevisionPage(slug, number == petition.Revision, summary, text.Summary, markdown.ToCachedHtml(text.BodyMarkdown)));
    }

    private static async Task<IReadOnlyList<RevisionSummary>> SummariesAsync(PetitionsDbContext db, int petitionId, CancellationToken cancellationToken)
    {
        var revisions = await db.PetitionRevisions.AsNoTracking()
            .Where(r => r.PetitionId == petitionId)
            .OrderBy(r => r.Number)
            .Select(r => new { r.Number, r.Title, r.CreatedAt, r.CreatedBy })
            .ToListAsync(cancellationToken);
        var signed = await db.Signatures.AsNoTracking()
            .Where(s => s.PetitionId == petitionId)
            .GroupBy(s => s.Revision)
            .Select(g => new { Revision = g.Key, Made = g.Count(), Confirmed = g.Count(s => s.State == SignatureState.Validated) })
            .ToDictionaryAsync(g => g.Revision, cancellationToken);
        // A revision was current from its own date until the next one's.
        return revisions
            .Select((r, i) => new RevisionSummary(
                r.Number,
                r.Title,
                r.CreatedAt,
                i + 1 < revisions.Count ? revisions[i + 1].CreatedAt : null,
                r.CreatedBy,
                signed.TryGetValue(r.Number, out var s) ? s.Made : 0,
                signed.TryGetValue(r.Number, out var c) ? c.Confirmed : 0))
            .ToList();
    }
}
