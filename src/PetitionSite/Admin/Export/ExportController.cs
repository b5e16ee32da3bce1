using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PetitionSite.Accounts;
using PetitionSite.Admin.Audit;
using PetitionSite.Data;
using PetitionSite.Site;

namespace PetitionSite.Admin.Export;

// A petition's signatures as a CSV download, streamed from the database to the browser as they are read.
[Authorize(Policy = AccessPolicies.Admin)]
[RequireTwoFactor]
public sealed class ExportController(
    IDbContextFactory<PetitionsDbContext> factory,
    SignatureCsvExporter exporter,
    AuditLog audit,
    TimeProvider time) : BackOfficeController
{
    [HttpGet("/admin/petitions/{slug}/signatures.csv")]
    public async Task<IActionResult> Download(string slug, [FromQuery] ExportForm form, CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var title = await db.Petitions.Where(p => p.Slug == slug).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken);
            if (title is null)
            {
                return NotFound();
            }

            if (!form.TryRead(out _, out var problems))
            {
                return View("Index", new ExportPageModel(slug, title, form, problems)).WithStatus(StatusCodes.Status422UnprocessableEntity);
            }
        }

        form.TryRead(out var filter, out _);
        var date = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new StreamedCsv($"{slug}-signatures-{date}.csv", async (body, aborted) =>
        {
            var progress = new ExportProgress();
            var finished = false;
            try
            {
                await exporter.ExportAsync(slug, filter, body, progress, aborted);
                finished = true;
            }
            finally
            {
                // Recorded after the rows have gone, and also when the download was cut short: then it says how far it got.
                var details = finished
                    ? $"{progress.Rows} rows: {filter}"
                    : $"Interrupted after at most {progress.Rows} rows: {filter}";
                await audit.RecordAsync(Actor, AuditAction.SignaturesExported, slug, details, CancellationToken.None);
            }
        });
    }

    // Written as a result, not in the action, so the controller's no-store header goes out before the first row.
    private sealed class StreamedCsv(string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var http = context.HttpContext;
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            // Rows go to the network as they are written; nothing on the way may hold the whole file.
            http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await write(http.Response.Body, http.RequestAborted);
        }
    }
}
