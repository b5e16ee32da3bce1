using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PetitionSite.Email;

namespace PetitionSite.Tests.Email;

public sealed class PickupDirectoryMailTransportTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("petitionsite-mail-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Each_email_becomes_an_eml_file_named_after_the_sites_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 20, 15, 30, TimeSpan.Zero));
        var transport = new PickupDirectoryMailTransport(
            Options.Create(new SmtpOptions { PickupDirectory = directory }),
            new HostingEnvironment { EnvironmentName = Environments.Production, ContentRootPath = directory },
            clock,
            NullLogger<PickupDirectoryMailTransport>.Instance);
        var message = new MimeMessage([MailboxAddress.Parse("no-reply@petitions.test")], [MailboxAddress.Parse("ada@example.org")], "Please confirm", new TextPart("plain") { Text = "Hello" });

        await transport.EnsureConnectedAsync(TestContext.Current.CancellationToken);
        await transport.SendAsync(new OutgoingEmail(message, null), TestContext.Current.CancellationToken);

        var file = Assert.Single(Directory.GetFiles(directory, "*.eml"));
        Assert.StartsWith("20261125-201530-", Path.GetFileName(file), StringComparison.Ordinal);
        Assert.Equal("Please confirm", (await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken)).Subject);
    }
}
