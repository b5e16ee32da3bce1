using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PetitionSite.Data;

namespace PetitionSite.Email;

// Sends what the outbox holds. Rows are committed with the signature, so a crash or a mail outage delays email but never loses it.
public sealed partial class OutboxSender(
    IDbContextFactory<PetitionsDbContext> factory,
    IMailTransport transport,
    IEnumerable<IEmailComposer> composers,
    EmailSealer sealer,
    OutboxSignal signal,
    IOptions<OutboxOptions> outboxOptions,
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
                if (ex is CommandException or ProtocolException)
                {
                    // The mail server's own words, which may echo an address: logged masked, without the exception that holds them.
                    LogOutageAnswer(logger, delay, ex.GetType().Name, EmailMask.InText(ex.Message));
                }
                else
                {
                    LogOutage(logger, ex, delay);
                }

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
            .Select(m => new DueMessage(m.Id, m.Kind, m.Attempts, m.SignatureId, m.InvitationId, m.Language))
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        await transport.EnsureConnectedAsync(cancellationToken);

        var composed = new Dictionary<long, OutgoingEmail?>(due.Count);
        foreach (var kind in due.GroupBy(m => m.Kind))
        {
            var messages = kind.ToList();
            var emails = await ComposerOf(kind.Key).ComposeAsync(db, messages, now, cancellationToken);
            for (var i = 0; i < messages.Count; i++)
            {
                composed[messages[i].Id] = emails[i];
            }
        }

        // Whatever a composer stored (a token's hash) is saved before its link leaves, so no one holds a link the site does not know.
        await db.SaveChangesAsync(cancellationToken);

        var sent = new List<long>(due.Count);
        try
        {
            foreach (var message in due)
            {
                if (composed[message.Id] is not { } email)
                {
                    // Its signature or invitation was erased while the email waited: there is nobody left to write to.
                    await RecordRefusalAsync(db, message with { Attempts = options.MaxAttempts }, "Nothing left to send: the subject of this email is gone.");
                    continue;
                }

                try
                {
                    sealer.Seal(email.Message);
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
        // Servers often echo the refused address; neither the log nor the stored row keeps it whole.
        var masked = EmailMask.InText(error);
        var reason = masked.Length > 1000 ? masked[..1000] : masked;
        await db.OutboxMessages
            .Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.State, state).SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, reason), CancellationToken.None);
        LogRefused(logger, message.Id, attempts, reason);
    }

    private IEmailComposer ComposerOf(OutboxMessageKind kind) =>
        composers.FirstOrDefault(c => c.Kinds.Contains(kind)) ?? throw new InvalidOperationException($"No composer writes {kind} emails.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail server unavailable; the outbox keeps its messages and retries in {Delay}")]
    private static partial void LogOutage(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail server unavailable ({Kind}: {Answer}); the outbox keeps its messages and retries in {Delay}")]
    private static partial void LogOutageAnswer(ILogger logger, TimeSpan delay, string kind, string answer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail server refused outbox message {Id} (attempt {Attempts}): {Error}")]
    private static partial void LogRefused(ILogger logger, long id, int attempts, string error);
}
