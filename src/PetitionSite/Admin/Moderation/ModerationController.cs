using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Accounts;
using PetitionSite.Admin.Export;
using PetitionSite.Data;
using PetitionSite.Signing;
using PetitionSite.Site;

namespace PetitionSite.Admin.Moderation;

// Finding signatures on a petition, invalidating or reinstating them, and erasing one at its signer's request.
[Authorize(Policy = AccessPolicies.Admin)]
[RequireTwoFactor]
public sealed class ModerationController(IDbContextFactory<PetitionsDbContext> factory, SignatureModeration moderation, CanonicalMailbox mailbox) : BackOfficeController
{
    private const int PageSize = 50;

    [HttpGet("/admin/petitions/{slug}/signatures")]
    public async Task<IActionResult> Search(string slug, [FromQuery] SignatureSearch search, string? done, int? changed, int page = 1, CancellationToken cancellationToken = default)
    {
        var petition = await FindAsync(slug, cancellationToken);
        if (petition is null)
        {
            return NotFound();
        }

        search.UpTo = null;
        var model = await SearchPageAsync(petition, search, Math.Max(1, page), new BulkChangeForm(), NoticeOf(done, changed), cancellationToken);
        return Page(model, model.Problems.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
    }

    [HttpPost("/admin/petitions/{slug}/signatures/invalidate")]
    public Task<IActionResult> Invalidate(string slug, [FromForm] SignatureSearch search, [FromForm] BulkChangeForm bulk, CancellationToken cancellationToken) =>
        ChangeAsync(slug, search, bulk, ModerationChange.Invalidate, cancellationToken);

    [HttpPost("/admin/petitions/{slug}/signatures/reinstate")]
    public Task<IActionResult> Reinstate(string slug, [FromForm] SignatureSearch search, [FromForm] BulkChangeForm bulk, CancellationToken cancellationToken) =>
        ChangeAsync(slug, search, bulk, ModerationChange.Reinstate, cancellationToken);

    [HttpGet("/admin/petitions/{slug}/signatures/{id:long}/erase")]
    public async Task<IActionResult> Erase(string slug, long id, CancellationToken cancellationToken)
    {
        var petition = await FindAsync(slug, cancellationToken);
        var row = petition is null ? null : await RowAsync(petition.Id, id, cancellationToken);
        if (petition is null || row is null)
        {
            return NotFound();
        }

        return View(new ErasePageModel(slug, petition.Title, row, BackLink(slug, "")));
    }

    [HttpPost("/admin/petitions/{slug}/signatures/{id:long}/erase")]
    public async Task<IActionResult> EraseConfirmed(string slug, long id, CancellationToken cancellationToken)
    {
        var petition = await FindAsync(slug, cancellationToken);
        if (petition is null || !await moderation.EraseAsync(petition.Id, slug, id, Actor, cancellationToken))
        {
            return NotFound();
        }

        return new SeeOtherResult(BackLink(slug, "?done=erased&changed=1"));
    }

    private async Task<IActionResult> ChangeAsync(string slug, SignatureSearch search, BulkChangeForm bulk, ModerationChange change, CancellationToken cancellationToken)
    {
        var petition = await FindAsync(slug, cancellationToken);
        if (petition is null)
        {
            return NotFound();
        }

        var problems = bulk.Problems(change);
        if (bulk.AllMatches)
        {
            foreach (var (field, problem) in search.Problems())
            {
                problems[field] = problem;
            }
        }

        if (problems.Count > 0)
        {
            var model = await SearchPageAsync(petition, search, 1, bulk, null, cancellationToken);
            return Page(model with { Problems = problems }, StatusCodes.Status422UnprocessableEntity);
        }

        bulk.Reason = bulk.Reason?.Trim();
        var chosen = new ChosenSignatures(search, bulk.AllMatches ? null : bulk.Ids);
        if (!bulk.Confirmed)
        {
            var preview = await moderation.PreviewAsync(petition.Id, chosen, change, cancellationToken);
            // The confirmation applies to the matches counted now, not to anyone who signs in between.
            search.UpTo = bulk.AllMatches ? preview.NewestId ?? 0 : null;
            return View("ConfirmChange", new ConfirmChangePageModel(slug, petition.Title, change, search, bulk, preview));
        }

        var result = await moderation.ApplyAsync(petition.Id, slug, chosen, change, bulk.Reason, Actor, cancellationToken);
        search.UpTo = null;
        var query = search.ToQueryString();
        var done = change == ModerationChange.Invalidate ? "invalidated" : "reinstated";
        return new SeeOtherResult(BackLink(slug, $"{(query.Length == 0 ? "?" : query + "&")}done={done}&changed={result.Signatures}"));
    }

    private async Task<SearchPageModel> SearchPageAsync(
        FoundPetition petition, SignatureSearch search, int page, BulkChangeForm bulk, string? notice, CancellationToken cancellationToken)
    {
        var problems = search.Problems();
        IReadOnlyList<SignatureRow> rows = [];
        long total = 0;
        if (problems.Count == 0)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var matches = search.Apply(db.Signatures.AsNoTracking(), petition.Id, mailbox);
            total = await matches.LongCountAsync(cancellationToken);
            rows = await matches
                .OrderByDescending(s => s.Id)
                .Skip((page - 1) * PageSize)
                .Take(PageSize)
                .Select(s => new SignatureRow(s.Id, s.FirstName, s.LastName, s.Email, s.CountryCode, s.Source, s.State, s.CreatedAt, s.ConfirmedAt, s.Revision, s.InvalidationReason))
                .ToListAsync(cancellationToken);
        }

        var export = new ExportPageModel(petition.Slug, petition.Title, new ExportForm(), new Dictionary<string, string>());
        return new SearchPageModel(petition.Slug, petition.Title, search, problems, rows, total, page, PageSize, notice, bulk, export);
    }

    private ViewResult Page(SearchPageModel model, int status)
    {
        var view = View(nameof(Search), model);
        view.StatusCode = status;
        return view;
    }

    private async Task<SignatureRow?> RowAsync(int petitionId, long id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Signatures
            .AsNoTracking()
            .Where(s => s.Id == id && s.PetitionId == petitionId)
            .Select(s => new SignatureRow(s.Id, s.FirstName, s.LastName, s.Email, s.CountryCode, s.Source, s.State, s.CreatedAt, s.ConfirmedAt, s.Revision, s.InvalidationReason))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<FoundPetition?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Petitions.AsNoTracking().Where(p => p.Slug == slug).Select(p => new FoundPetition(p.Id, p.Slug, p.Title)).FirstOrDefaultAsync(cancellationToken);
    }

    private static string BackLink(string slug, string query) => $"/admin/petitions/{slug}/signatures{query}";

    private static string? NoticeOf(string? done, int? changed)
    {
        var count = Math.Max(0, changed ?? 0).ToString("N0", CultureInfo.InvariantCulture);
        return done switch
        {
            "invalidated" => $"{count} signatures invalidated. Confirmed ones have left the public count.",
            "reinstated" => $"{count} signatures reinstated. Confirmed ones count again.",
            "erased" => "The signature has been erased, with its emails. The audit log notes it without the signer's details.",
            _ => null,
        };
    }

    private sealed record FoundPetition(int Id, string Slug, string Title);
}
