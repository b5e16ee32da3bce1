namespace PetitionSite.Email;

public interface IMailTransport : IAsyncDisposable
{
    // Throws when the mail server cannot be reached; nothing is counted against the messages then.
    Task EnsureConnectedAsync(CancellationToken cancellationToken);

    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);

    Task DisconnectAsync();
}
