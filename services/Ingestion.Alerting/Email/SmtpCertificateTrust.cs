using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Ingestion.Alerting.Email;

/// <summary>
/// Decides whether the certificate an SMTP relay presents after STARTTLS is trusted. System.Net.Mail has no
/// per-client validation hook: SmtpClient asks the process-wide ServicePointManager callback, so one callback
/// is installed here, once. It keeps the platform's verdict (a certificate that chains to a trusted root and
/// matches the host name passes), and adds exactly one exception, configured on purpose: a self-signed or
/// private-CA certificate whose SHA-256 the operator pinned (Alerting:Smtp:TrustedCertificateSha256), still
/// valid today and still matching the host name. Nothing else is ever accepted.
/// </summary>
public static class SmtpCertificateTrust
{
    private static readonly ConcurrentDictionary<string, byte> Pinned = new(StringComparer.OrdinalIgnoreCase);
    // Carries the reason of a rejection from the callback (deep inside SmtpClient) back to the send that caused it.
    private static readonly AsyncLocal<Verdict?> Current = new();
    private static readonly Lock InstallLock = new();
    private static bool installed;

    /// <summary>Why the last certificate of this send was refused; null when none was.</summary>
    public sealed class Verdict
    {
        public string? Rejection { get; set; }
    }

    /// <summary>Normalises "AB:CD:…" or "abcd…" to upper-case hex without separators; null when not a SHA-256.</summary>
    public static string? NormalizeSha256(string? value)
    {
        var hex = value?.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        return hex is { Length: 64 } && hex.All(Uri.IsHexDigit) ? hex : null;
    }

    /// <summary>Called before each send: installs the callback if needed, pins the configured certificate, starts a verdict.</summary>
    public static Verdict BeginSend(string? pinnedSha256)
    {
        if (NormalizeSha256(pinnedSha256) is { } pin) Pinned.TryAdd(pin, 0);
        lock (InstallLock)
        {
            if (!installed)
            {
#pragma warning disable SYSLIB0014 // ServicePointManager is obsolete, but it is the only validation hook SmtpClient consults.
                var previous = ServicePointManager.ServerCertificateValidationCallback;
                ServicePointManager.ServerCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    Validate(certificate, errors) || (previous?.Invoke(sender, certificate, chain, errors) ?? false);
#pragma warning restore SYSLIB0014
                installed = true;
            }
        }
        var verdict = new Verdict();
        Current.Value = verdict;
        return verdict;
    }

    private static bool Validate(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None) return true;
        if (certificate is null) return Reject($"no certificate presented ({errors})");
        using var presented = new X509Certificate2(certificate);
        var sha256 = presented.GetCertHashString(HashAlgorithmName.SHA256);
        var now = DateTime.Now;
        // A pin replaces the chain of trust only: a wrong host name or an expired certificate is refused all the same.
        if (errors == SslPolicyErrors.RemoteCertificateChainErrors && Pinned.ContainsKey(sha256)
            && presented.NotBefore <= now && now <= presented.NotAfter) return true;
        return Reject($"certificate '{presented.Subject}' (SHA-256 {sha256}) is not trusted: {errors}"
            + (errors == SslPolicyErrors.RemoteCertificateChainErrors ? "; pin it with Alerting:Smtp:TrustedCertificateSha256 if it is the relay's" : ""));
    }

    private static bool Reject(string reason)
    {
        if (Current.Value is { } verdict) verdict.Rejection = reason;
        return false;
    }
}
