using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using PetitionSite.Data;
using PetitionSite.Email;

namespace PetitionSite.Signing;

// Signatures are written by one loop that commits them in batches (BatchedWriter: SQLite's single writer).
public sealed partial class SignatureWriter(
    IDbContextFactory<PetitionsDbContext> factory,
    OutboxSignal outbox,
    IOptions<OutboxOptions> outboxOptions,
    IOptions<SigningOptions> signingOptions,
    TimeProvider time,
    ILogger<SignatureWriter> logger) : BatchedWriter<NewSignature, SigningOutcome>(logger), ISignatureWriter
{
    private const string InsertSignatureSql =
        "INSERT INTO Signatures (PetitionId, FirstName, LastName, Email, NormalizedEmail, CountryCode, Postcode, ShowNamePublicly, KeepInformed, KeepInformedConsentedAt, State, CreatedAt, Revision, Source, ClientAddress, ClientNetwork, Language) " +
        "VALUES ($petitionId, $firstName, $lastName, $email, $normalizedEmail, $countryCode, $postcode, $showNamePublicly, $keepInformed, $keepInformedConsentedAt, $state, $createdAt, $revision, $source, $clientAddress, $clientNetwork, $language) RETURNING Id";

    private const string InsertOutboxSql =
        "INSERT INTO OutboxMessages (Kind, SignatureId, Language, State, Attempts, CreatedAt, NextAttemptAt) VALUES ($kind, $signatureId, $language, 'Pending', 0, $now, $now)";

    private static readonly string[] SignatureParameters =
        ["$petitionId", "$firstName", "$lastName", "$email", "$normalizedEmail", "$countryCode", "$postcode", "$showNamePublicly", "$keepInformed", "$keepInformedConsentedAt", "$state", "$createdAt", "$revision", "$source", "$clientAddress", "$clientNetwork", "$language"];

    private static readonly string[] OutboxParameters = ["$kind", "$signatureId", "$now", "$language"];

    public Task<SigningOutcome> SignAsync(NewSignature signature, CancellationToken cancellationToken) => WriteAsync(signature, cancellationToken);

    // Every batch leaves emails in the outbox: wake the sender.
    protected override void Committed(IReadOnlyList<SigningOutcome> results) => outbox.Notify();

    protected override async Task<SigningOutcome[]> CommitAsync(IReadOnlyList<NewSignature> batch)
    {
        await using var db = await factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var sqliteTransaction = (SqliteTransaction)transaction.GetDbTransaction();

        var now = time.GetUtcNow().UtcDateTime;
        // Plain prepared commands rather than change tracking: the writer is the one thread every signature waits on.
        var (existing, emailedToday) = await FindExistingAsync(connection, sqliteTransaction, batch, now - TimeSpan.FromDays(1));
        await using var insertSignature = Command(connection, sqliteTransaction, InsertSignatureSql, SignatureParameters);
        await using var insertOutbox = Command(connection, sqliteTransaction, InsertOutboxSql, OutboxParameters);

        var quietUntil = now - outboxOptions.Value.ResendCooldown;
        var dailyEmails = signingOptions.Value.EmailsPerAddressPerDay;
        var outcomes = new SigningOutcome[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var candidate = batch[i];
            var key = (candidate.PetitionId, candidate.NormalizedEmail);
            long signatureId;
            if (existing.TryGetValue(key, out var found))
            {
                signatureId = found.Id;
                outcomes[i] = found.State == SignatureState.Pending
                    ? SigningOutcome.AlreadySignedNotConfirmed
                    : SigningOutcome.AlreadySignedAndConfirmed;
                // Signing again is no way to flood a mailbox: one email per signature per cooldown.
                if (found.LastEmailAt > quietUntil)
                {
                    continue;
                }
            }
            else
            {
                signatureId = await InsertSignatureAsync(insertSignature, candidate);
                outcomes[i] = SigningOutcome.Accepted;
            }

            var state = outcomes[i] == SigningOutcome.Accepted ? SignatureState.Pending : found.State;
            // No mailbox gets more than its daily share, whatever is signed with it: the signature is kept, unconfirmed,
            // until its owner signs again once the last 24 hours hold fewer emails, and a link can go.
            var emailed = emailedToday.GetValueOrDefault(candidate.NormalizedEmail);
            if (emailed >= dailyEmails)
            {
                existing[key] = (signatureId, state, outcomes[i] == SigningOutcome.Accepted ? DateTime.MinValue : found.LastEmailAt);
                LogDailyShareUsed(logger, new EmailMask(candidate.Email), emailed);
                continue;
            }

            existing[key] = (signatureId, state, now);
            emailedToday[candidate.NormalizedEmail] = emailed + 1;
            var kind = outcomes[i] == SigningOutcome.AlreadySignedAndConfirmed ? OutboxMessageKind.AlreadySigned : OutboxMessageKind.ConfirmationRequest;
            var outbox = insertOutbox.Parameters;
            outbox[0].Value = kind.ToString();
            outbox[1].Value = signatureId;
            outbox[2].Value = now;
            // The page's language this time, which may differ from the one the signature was first made in.
            outbox[3].Value = candidate.Language;
            await insertOutbox.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return outcomes;
    }

    // One query for the whole batch, on the index that leads with the mailbox: every signature of these mailboxes, on any
    // petition, with when each was last emailed and how many emails each brought since `since`.
    private static async Task<(Dictionary<(int PetitionId, string NormalizedEmail), (long Id, SignatureState State, DateTime LastEmailAt)> Existing, Dictionary<string, int> EmailedSince)> FindExistingAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<NewSignature> batch, DateTime since)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "SELECT s.Id, s.PetitionId, s.NormalizedEmail, s.State, MAX(o.CreatedAt), COUNT(o.Id) FILTER (WHERE o.CreatedAt > $since) " +
            "FROM Signatures s LEFT JOIN OutboxMessages o ON o.SignatureId = s.Id " +
            "WHERE s.NormalizedEmail IN (SELECT value FROM json_each($emails)) GROUP BY s.Id";
        command.Parameters.AddWithValue("$emails", JsonSerializer.Serialize(batch.Select(s => s.NormalizedEmail).Distinct()));
        command.Parameters.AddWithValue("$since", since);
        var existing = new Dictionary<(int, string), (long, SignatureState, DateTime)>(batch.Count);
        var emailedSince = new Dictionary<string, int>(batch.Count, StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var mailbox = reader.GetString(2);
            existing[(reader.GetInt32(1), mailbox)] =
                (reader.GetInt64(0), Enum.Parse<SignatureState>(reader.GetString(3)), reader.IsDBNull(4) ? DateTime.MinValue : reader.GetDateTime(4));
            emailedSince[mailbox] = emailedSince.GetValueOrDefault(mailbox) + reader.GetInt32(5);
        }

        return (existing, emailedSince);
    }

    private static async Task<long> InsertSignatureAsync(SqliteCommand command, NewSignature signature)
    {
        var values = command.Parameters;
        values[0].Value = signature.PetitionId;
        values[1].Value = signature.FirstName;
        values[2].Value = signature.LastName;
        values[3].Value = signature.Email;
        values[4].Value = signature.NormalizedEmail;
        values[5].Value = signature.CountryCode;
        values[6].Value = (object?)signature.Postcode ?? DBNull.Value;
        values[7].Value = signature.ShowNamePublicly;
        values[8].Value = signature.KeepInformed;
        values[9].Value = signature.KeepInformed ? signature.SignedAt : DBNull.Value;
        values[10].Value = nameof(SignatureState.Pending);
        values[11].Value = signature.SignedAt;
        values[12].Value = signature.Revision;
        values[13].Value = (object?)signature.Source ?? DBNull.Value;
        values[14].Value = (object?)signature.ClientAddress ?? DBNull.Value;
        values[15].Value = (object?)signature.ClientNetwork ?? DBNull.Value;
        values[16].Value = signature.Language;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No email to {Email}: it has had {Emails} from the site in the last 24 hours")]
    private static partial void LogDailyShareUsed(ILogger logger, EmailMask email, int emails);
}
