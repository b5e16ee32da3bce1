using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PetitionSite.Confirmation;
using PetitionSite.Data;
using PetitionSite.Site;

namespace PetitionSite.Email;

// Sends what the outbox holds. Rows are committed with the signature, so a crash or a mail outage delays email but never loses it.
public sealed partial class OutboxSender(
    IDbContextFactory<PetitionsDbContext> factory,
    IMailTransport transport,
    SignatureEmails emails,
    OutboxSignal signal,
    IOptions<OutboxOptions> outboxOptions,
    IOptions<SiteOptions> siteOptions,
    TimeProvider time,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private readonly OutboxOptions options = outboxOptions.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outageFailures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var handled = await SendDueAsync(stoppingToken);
                outageFailures = 0;
                if (handled == options.BatchSize)
                {
                    continue;
                }

                await signal.WaitAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                outageFailures++;
                var delay = options.Backoff(outageFailures);
                LogOutage(logger, ex, delay);
                await transport.DisconnectAsync();
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        await transport.DisposeAsync();
    }

    private async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages
            .AsNoTracking()
            .Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.Id)
            .Take(options.BatchSize)
            .Select(m => new DueMessage(m.Id, m.Kind, m.Attempts, m.SignatureId, m.Signature!.FirstName, m.Signature.LastName, m.Signature.Email, m.Signature.Petition!.Slug, m.Signature.Petition.Title))
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        await transport.EnsureConnectedAsync(cancellationToken);

        var composed = new List<(DueMessage Due, OutgoingEmail Email)>(due.Count);
        foreach (var message in due)
        {
            string? token = null;
            if (message.Kind == OutboxMessageKind.ConfirmationRequest)
            {
                (token, var hash) = ConfirmationTokens.Mint();
                db.ConfirmationTokens.Add(new ConfirmationToken
                {
                    Hash = hash,
                    SignatureId = message.SignatureId,
                    CreatedAt = now,
                    ExpiresAt = now + siteOptions.Value.ConfirmationLinkLifetime,
                });
            }

            composed.Add((message, emails.Compose(message, token)));
        }

        // The token's hash is stored before its link leaves, so no one can hold a link the site does not know.
        await db.SaveChangesAsync(cancellationToken);

        var sent = new List<long>(due.Count);
        try
        {
            foreach (var (message, email) in composed)
            {
                try
                {
                    await transport.SendAsync(email, cancellationToken);
                    sent.Add(message.Id);
                }
                catch (SmtpCommandException ex) when (ex.ErrorCode is not SmtpErrorCode.UnexpectedStatusCode)
                {
                    // The server refused this one message (a bad mailbox, say): retry it later, keep sending the rest.
                    await RecordRefusalAsync(db, message, ex.Message);
                }
            }
        }
        finally
        {
            // Whatever left the building is recorded even if the connection drops or the site stops mid-batch.
            if (sent.Count > 0)
            {
                var sentAt = time.GetUtcNow().UtcDateTime;
                await db.OutboxMessages
                    .Where(m => sent.Contains(m.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Sent).SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.Attempts, m => m.Attempts + 1), CancellationToken.None);
            }
        }

        return due.Count;
    }

    private async Task RecordRefusalAsync(PetitionsDbContext db, DueMessage message, string error)
    {
        var attempts = message.Attempts + 1;
        var state = attempts >= options.MaxAttempts ? OutboxState.Failed : OutboxState.Pending;
        var next = time.GetUtcNow().UtcDateTime + options.Backoff(attempts);
        var reason = error.Length > 1000 ? error[..1000] : error;
        await db.OutboxMessages
            .Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.State, state).SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, reason), CancellationToken.None);
        LogRefused(logger, message.Id, attempts, error);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail server unavailable; the outbox keeps its messages and retries in {Delay}")]
    private static partial void LogOutage(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail server refused outbox message {Id} (attempt {Attempts}): {Error}")]
    private static partial void LogRefused(ILogger logger, long id, int attempts, string error);
}
