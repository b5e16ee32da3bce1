using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace PetitionSite.Testing;

// A real SMTP server in the test process, on a loopback port of its own; it can go down and come back to play an outage.
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> messages = new();
    private readonly ConcurrentDictionary<string, byte> refused = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConditionalWeakTable<MimeMessage, byte[]> received = new();
    private readonly SemaphoreSlim arrived = new(0);
    private CancellationTokenSource? running;
    private Task? serverTask;
    private TcpListener? outage;
    private Task? hangingUp;
    private int connectionsWhileDown;

    public TestSmtpServer() => Port = FreePort();

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Messages => messages;

    // A message exactly as it came over the wire, for what parsing would hide (raw 8-bit bytes, say).
    public byte[] RawOf(MimeMessage message) =>
        received.TryGetValue(message, out var bytes) ? bytes : throw new ArgumentException("This message did not arrive here.", nameof(message));

    public bool IsRunning => running is not null;

    // How many times someone tried to reach the server while it was down.
    public int ConnectionsWhileDown => Volatile.Read(ref connectionsWhileDown);

    public static async Task<TestSmtpServer> StartNewAsync()
    {
        var server = new TestSmtpServer();
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        await EndOutageAsync();
        if (running is not null)
        {
            return;
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Recipients(this));
        var server = new SmtpServer.SmtpServer(options, services);
        running = new CancellationTokenSource();
        serverTask = server.StartAsync(running.Token);
        await WaitUntilListeningAsync();
    }

    public async Task StopAsync()
    {
        if (running is null)
        {
            return;
        }

        await running.CancelAsync();
        try
        {
            await serverTask!.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        running.Dispose();
        running = null;
    }

    // Plays a mail outage: the server stops, and its port hangs up on every connection, counting them, until StartAsync.
    public async Task GoDownAsync()
    {
        await StopAsync();
        if (outage is not null)
        {
            return;
        }

        outage = new TcpListener(IPAddress.Loopback, Port);
        outage.Start();
        hangingUp = HangUpOnEveryoneAsync(outage);
    }

    // From now on the server refuses mail to this address, echoing it in its answer as real servers do.
    public void RefuseMailTo(string address) => refused[address] = 0;

    // Waits until someone has tried to reach the server this many times since it went down.
    public Task WaitForConnectionsWhileDownAsync(int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => ConnectionsWhileDown >= count, timeout, $"Expected {count} connection(s) while the server was down; {ConnectionsWhileDown} came.");

    // Waits until a message matching the predicate has arrived, and returns it.
    public async Task<MimeMessage> WaitForMessageAsync(Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        MimeMessage? found = null;
        await WaitUntilAsync(() => (found = messages.FirstOrDefault(match)) is not null, timeout, $"The expected email did not arrive; {messages.Count} other(s) did.");
        return found!;
    }

    // Waits until the address has received this many messages, and returns them in the order they arrived.
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesToAsync(string address, int count, TimeSpan? timeout = null)
    {
        await WaitUntilAsync(() => MessagesTo(address).Count >= count, timeout, $"The expected email did not arrive; {messages.Count} other(s) did.");
        return MessagesTo(address);
    }

    public Task<MimeMessage> WaitForMessageToAsync(string address, TimeSpan? timeout = null) =>
        WaitForMessageAsync(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)), timeout);

    public IReadOnlyList<MimeMessage> MessagesTo(string address) =>
        messages.Where(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await EndOutageAsync();
        arrived.Dispose();
    }

    private async Task HangUpOnEveryoneAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                using var connection = await listener.AcceptTcpClientAsync();
                Interlocked.Increment(ref connectionsWhileDown);
                arrived.Release();
            }
        }
        catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
        {
            // The listener was stopped: the outage is over.
        }
    }

    private async Task EndOutageAsync()
    {
        if (outage is null)
        {
            return;
        }

        outage.Stop();
        await hangingUp!;
        outage.Dispose();
        outage = null;
    }

    private async Task WaitUntilAsync(Func<bool> arrivedEnough, TimeSpan? timeout, string failure)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!arrivedEnough())
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException(failure);
            }

            await arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"The test SMTP server did not start on port {Port}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Recipients(TestSmtpServer owner) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            var address = $"{to.User}@{to.Host}";
            return owner.refused.ContainsKey(address)
                ? throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.MailboxUnavailable, $"5.1.1 <{address}>: Recipient address rejected: User unknown in local recipient table"))
                : Task.FromResult(true);
        }
    }

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream();
            foreach (var segment in buffer)
            {
                await stream.WriteAsync(segment, cancellationToken);
            }

            stream.Position = 0;
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            owner.received.Add(message, stream.ToArray());
            owner.messages.Enqueue(message);
            owner.arrived.Release();
            return SmtpResponse.Ok;
        }
    }
}
