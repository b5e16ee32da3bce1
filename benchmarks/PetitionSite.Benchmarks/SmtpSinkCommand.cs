using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using MimeKit;

namespace PetitionSite.Benchmarks;

// `smtp-sink --port S --out FILE`: a minimal SMTP server that accepts everything and appends "recipient<TAB>confirmation link"
// per message. It answers pipelined commands with TCP_NODELAY, as real mail servers do, so it measures the sender, not Nagle.
public static partial class SmtpSinkCommand
{
    public static async Task<int> RunAsync(CommandLine options)
    {
        var port = options.Number("port", 2525);
        var lines = Channel.CreateUnbounded<Received>(new UnboundedChannelOptions { SingleReader = true });
        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start(backlog: 64);
        Console.WriteLine($"smtp sink ready on {port}");
        var writing = WriteLinesAsync(options.Get("out"), lines.Reader);
        try
        {
            while (true)
            {
                var socket = await listener.AcceptSocketAsync(stop.Token);
                socket.NoDelay = true;
                Console.WriteLine($"connection from {socket.RemoteEndPoint}");
                _ = ServeAsync(socket, lines.Writer, stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }

        listener.Stop();
        lines.Writer.TryComplete();
        await writing;
        return 0;
    }

    private static async Task ServeAsync(Socket socket, ChannelWriter<Received> lines, CancellationToken cancellationToken)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        // Latin-1 maps every byte to one char and back, so the message bytes survive untouched.
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n" };
        var recipients = new List<string>();
        try
        {
            await ReplyAsync(writer, "220 localhost ESMTP sink");
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await ReplyAsync(writer, "250-localhost\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SMTPUTF8");
                        break;
                    case "MAIL":
                        recipients.Clear();
                        await ReplyAsync(writer, "250 OK");
                        break;
                    case "RCPT":
                        var start = line.IndexOf('<', StringComparison.Ordinal) + 1;
                        var end = line.IndexOf('>', StringComparison.Ordinal);
                        recipients.Add(end > start ? line[start..end] : line);
                        await ReplyAsync(writer, "250 OK");
                        break;
                    case "DATA":
                        await ReplyAsync(writer, "354 End data with <CR><LF>.<CR><LF>");
                        var message = new StringBuilder();
                        var complete = false;
                        while (await reader.ReadLineAsync(cancellationToken) is { } data)
                        {
                            if (data == ".")
                            {
                                complete = true;
                                break;
                            }

                            message.Append(data.StartsWith('.') ? data[1..] : data).Append("\r\n");
                        }

                        if (!complete)
                        {
                            // The sender hung up mid-message: it was never accepted, so it is not counted.
                            return;
                        }

                        // Parsed later by the file writer: like a real server, the sink queues the message and answers at once.
                        lines.TryWrite(new Received([.. recipients], message.ToString()));

                        await ReplyAsync(writer, "250 OK queued");
                        break;
                    case "QUIT":
                        await ReplyAsync(writer, "221 Bye");
                        return;
                    default:
                        await ReplyAsync(writer, "250 OK");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
        {
            // The sender hung up or the sink is stopping.
        }
    }

    private static async Task ReplyAsync(StreamWriter writer, string reply)
    {
        await writer.WriteLineAsync(reply);
        await writer.FlushAsync();
    }

    private static string LinkIn(string raw)
    {
        using var stream = new MemoryStream(Encoding.Latin1.GetBytes(raw));
        try
        {
            var message = MimeMessage.Load(stream);
            var link = ConfirmationLink().Match(message.TextBody ?? "");
            return link.Success ? link.Value : "-";
        }
        catch (FormatException)
        {
            return "-";
        }
    }

    // Appends as messages arrive and flushes often, so the harness can count deliveries while the sink runs.
    private static async Task WriteLinesAsync(string path, ChannelReader<Received> messages)
    {
        await using var file = new StreamWriter(path, append: true);
        while (await messages.WaitToReadAsync())
        {
            while (messages.TryRead(out var message))
            {
                var link = LinkIn(message.Raw);
                foreach (var recipient in message.Recipients)
                {
                    await file.WriteLineAsync($"{recipient}\t{link}");
                }
            }

            await file.FlushAsync();
        }
    }

    private sealed record Received(string[] Recipients, string Raw);

    [GeneratedRegex(@"https?://[^\s/]+/signatures/confirm/[A-Za-z0-9_-]+")]
    private static partial Regex ConfirmationLink();
}
