using Microsoft.Extensions.Options;
using PetitionSite.Confirmation;

namespace PetitionSite.Email;

// With no SMTP server configured, each email becomes an .eml file and the link it carries is logged, so the site works out of the box.
public sealed partial class PickupDirectoryMailTransport(
    IOptions<SmtpOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<PickupDirectoryMailTransport> logger) : IMailTransport
{
    private readonly string directory = Path.GetFullPath(options.Value.PickupDirectory, environment.ContentRootPath);

    public Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        return Task.CompletedTask;
    }

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        await email.Message.WriteToAsync(path, cancellationToken);

        var to = new EmailMask(email.Message.To.Mailboxes.FirstOrDefault()?.Address);
        // Tokens are secrets: the full link is logged only on a developer's machine.
        var link = email.Link is null ? "(no link)"
            : environment.IsDevelopment() ? email.Link
            : TokenMask.InLink(email.Link);
        LogWritten(logger, to, path, link);
    }

    public Task DisconnectAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Email to {To} written to {Path}; link: {Link}")]
    private static partial void LogWritten(ILogger logger, EmailMask to, string path, string link);
}
