using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PetitionSite.Data;
using PetitionSite.Petitions;

namespace PetitionSite.Admin.Petitions;

// Opens pending petitions on their opening date and closes open ones on their closing date, every
// Petitions:ScheduleInterval. Signing is refused from the closing date on even before this runs (PetitionCatalog).
public sealed partial class PetitionSchedule(
    IDbContextFactory<PetitionsDbContext> factory,
    PetitionLifecycle lifecycle,
    IOptions<PetitionOptions> options,
    TimeProvider time,
    ILogger<PetitionSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScheduleInterval, time);
        do
        {
            try
            {
                await RunDueChangesAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; a locked or busy database must not stop the schedule for good.
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunDueChangesAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<string> opening, closing;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            opening = await db.Petitions.AsNoTracking()
                .Where(p => p.State == PetitionState.Pending && p.OpensAt != null && p.OpensAt <= now)
                .Select(p => p.Slug)
                .ToListAsync(cancellationToken);
            closing = await db.Petitions.AsNoTracking()
                .Where(p => p.State == PetitionState.Open && p.ClosesAt != null && p.ClosesAt <= now)
                .Select(p => p.Slug)
                .ToListAsync(cancellationToken);
        }

        foreach (var slug in opening)
        {
            if (await lifecycle.OpenAsScheduledAsync(slug, cancellationToken) == TransitionOutcome.Done)
            {
                LogChanged(logger, slug, PetitionState.Open);
            }
        }

        foreach (var slug in closing)
        {
            if (await lifecycle.CloseAsScheduledAsync(slug, cancellationToken) == TransitionOutcome.Done)
            {
                LogChanged(logger, slug, PetitionState.Closed);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Petition {Slug} is now {State}, as scheduled")]
    private static partial void LogChanged(ILogger logger, string slug, PetitionState state);

    [LoggerMessage(Level = LogLevel.Error, Message = "The petition schedule could not run")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
