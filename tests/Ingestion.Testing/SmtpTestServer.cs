using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Ingestion.Testing;

/// <summary>
/// A real SMTP server on a free loopback port: Debian's python3-aiosmtpd (deploy/start-local-services.sh
/// installs it) running smtp_test_server.py next to this file. Each message is parsed by Python's own e-mail
/// package, so a test sees the subject and body as a standard mail reader decodes them, not as our sender
/// meant them. Optionally it requires a login, and STARTTLS with a throwaway self-signed certificate.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Process process;
    private readonly string folder;

    private SmtpTestServer(Process process, string folder, int port, string? thumbprint) =>
        (this.process, this.folder, Port, CertificateSha256) = (process, folder, port, thumbprint);

    public int Port { get; }

    /// <summary>SHA-256 of the server's certificate (hex) when it offers STARTTLS: what a client pins to trust it.</summary>
    public string? CertificateSha256 { get; }

    public sealed record Message(string MailFrom, string[] RcptTos, string Subject, string Body, string ContentType, string? Charset,
        string TransferEncoding, string MessageId, bool Authenticated, string? Login, bool Tls);

    /// <summary>One AUTH attempt as the server judged it (the password is never recorded).</summary>
    public sealed record LoginAttempt(string Mechanism, string Login, bool Success, bool Tls);

    /// <param name="username">When set, the server requires AUTH with these credentials (in the clear unless <paramref name="startTls"/>).</param>
    /// <param name="startTls">Offer STARTTLS with a new self-signed certificate for 127.0.0.1 and refuse everything else until it is done.</param>
    public static async Task<SmtpTestServer> StartAsync(string? username = null, string? password = null, bool startTls = false)
    {
        var folder = Directory.CreateTempSubdirectory("smtp-test").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(TestInfrastructure.RepoRoot, "tests", "Ingestion.Testing", "smtp_test_server.py"));
        AddOption(start, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AddOption(start, "--folder", folder);
        if (username is not null)
        {
            AddOption(start, "--user", username);
            AddOption(start, "--password", password ?? "");
        }
        string? thumbprint = null;
        if (startTls)
        {
            thumbprint = WriteSelfSignedCertificate(folder, out var certPath, out var keyPath);
            AddOption(start, "--cert", certPath);
            AddOption(start, "--key", keyPath);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "READY")
            throw new InvalidOperationException($"aiosmtpd did not start (is python3-aiosmtpd installed?): {await process.StandardError.ReadToEndAsync(timeout.Token)}");
        return new SmtpTestServer(process, folder, port, thumbprint);
    }

    public IReadOnlyList<Message> Received() => Read<Message>("mail");

    public IReadOnlyList<LoginAttempt> Logins() => Read<LoginAttempt>("logins");

    private List<T> Read<T>(string kind) =>
        Directory.GetFiles(Path.Combine(folder, kind), "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<T>(File.ReadAllText(f), Json)!).ToList();

    private static void AddOption(ProcessStartInfo start, string name, string value)
    {
        start.ArgumentList.Add(name);
        start.ArgumentList.Add(value);
    }

    // Valid for 127.0.0.1 and localhost, so a client that trusts it fails on nothing but the missing chain.
    private static string WriteSelfSignedCertificate(string folder, out string certPath, out string keyPath)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=smtp-test.localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false)); // server auth
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        certPath = Path.Combine(folder, "cert.pem");
        keyPath = Path.Combine(folder, "key.pem");
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

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
        Directory.Delete(folder, recursive: true);
    }
}
