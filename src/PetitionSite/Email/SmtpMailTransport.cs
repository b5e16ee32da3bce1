using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace PetitionSite.Email;

// One SMTP connection, opened on demand and reused for every message; MailKit pipelines commands where the server allows.
public sealed class SmtpMailTransport(IOptions<SmtpOptions> options, TimeProvider time) : IMailTransport
{
    private static readonly TimeSpan IdleCheckAfter = TimeSpan.FromSeconds(30);

    private readonly SmtpClient client = new() { Timeout = 30_000 };
    private DateTimeOffset lastUsed;

    public async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (client.IsConnected && time.GetUtcNow() - lastUsed > IdleCheckAfter)
        {
            // Servers drop idle connections without telling us; a NOOP finds out before a message is lost to it.
            try
            {
                await client.NoOpAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await DisconnectAsync();
            }
        }

        if (!client.IsConnected)
        {
            var security = !settings.UseTls ? SecureSocketOptions.None
                : settings.Port == 465 ? SecureSocketOptions.SslOnConnect
                : SecureSocketOptions.StartTls;
            await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Smtp:Host is not set."), settings.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }
        }

        lastUsed = time.GetUtcNow();
    }

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        await client.SendAsync(email.Message, cancellationToken);
        lastUsed = time.GetUtcNow();
    }

    public async Task DisconnectAsync()
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true);
            }
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or System.Net.Sockets.SocketException or OperationCanceledException)
        {
            // The connection is already gone, which is all we wanted.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync();
        client.Dispose();
    }
}
