using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Ingestion.Testing;

/// <summary>
/// A real SMTP server on a free loopback port: Debian's python3-aiosmtpd (deploy/start-local-services.sh
/// installs it). Each message is parsed by Python's own e-mail package, so a test sees the subject and body
/// as a standard mail reader decodes them, not as our sender meant them.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private const string Script = """
        import sys, json, os, email, email.policy, asyncio
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult
        port, folder, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
        class Handler:
            count = 0
            async def handle_DATA(self, server, session, envelope):
                msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
                part = msg.get_body(preferencelist=('plain',))
                Handler.count += 1
                record = {"mailFrom": envelope.mail_from, "rcptTos": envelope.rcpt_tos, "subject": str(msg["subject"]),
                          "body": part.get_content(), "contentType": part.get_content_type(), "charset": part.get_content_charset(),
                          "transferEncoding": str(part["content-transfer-encoding"]), "messageId": str(msg["message-id"]),
                          "authenticated": bool(session.authenticated)}
                tmp = os.path.join(folder, f"{Handler.count:05d}.tmp")
                with open(tmp, "w", encoding="utf-8") as f: json.dump(record, f, ensure_ascii=False)
                os.rename(tmp, tmp[:-4] + ".json")
                return "250 OK"
        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = auth_data.login.decode() == user and auth_data.password.decode() == password
            return AuthResult(success=ok)
        kwargs = dict(authenticator=authenticator, auth_require_tls=False, auth_required=True) if user else {}
        controller = Controller(Handler(), hostname="127.0.0.1", port=port, **kwargs)
        controller.start()
        print("READY", flush=True)
        sys.stdin.read()
        controller.stop()
        """;

    private readonly Process process;
    private readonly string folder;

    private SmtpTestServer(Process process, string folder, int port) => (this.process, this.folder, Port) = (process, folder, port);

    public int Port { get; }

    public sealed record Message(string MailFrom, string[] RcptTos, string Subject, string Body, string ContentType, string? Charset,
        string TransferEncoding, string MessageId, bool Authenticated);

    /// <param name="username">When set, the server requires AUTH with these credentials (over plain TCP: loopback only).</param>
    public static async Task<SmtpTestServer> StartAsync(string? username = null, string? password = null)
    {
        var folder = Directory.CreateTempSubdirectory("smtp-test").FullName;
        var script = Path.Combine(folder, "server.py");
        await File.WriteAllTextAsync(script, Script);
        var mail = Directory.CreateDirectory(Path.Combine(folder, "mail")).FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { script, port.ToString(), mail, username ?? "", password ?? "" }) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "READY")
            throw new InvalidOperationException($"aiosmtpd did not start (is python3-aiosmtpd installed?): {await process.StandardError.ReadToEndAsync(timeout.Token)}");
        return new SmtpTestServer(process, mail, port);
    }

    public IReadOnlyList<Message> Received() =>
        Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<Message>(File.ReadAllText(f), new JsonSerializerOptions(JsonSerializerDefaults.Web))!).ToList();

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(5000)) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
    }
}
