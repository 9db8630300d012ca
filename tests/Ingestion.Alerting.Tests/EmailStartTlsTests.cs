using Ingestion.Testing;
using Xunit.Abstractions;

namespace Ingestion.Alerting.Tests;

/// <summary>
/// E-mail through a real SMTP server (aiosmtpd) that refuses everything but STARTTLS until TLS is up, then
/// requires a login, with a throwaway self-signed certificate that only a configured pin makes trusted.
/// </summary>
public sealed class EmailStartTlsTests(ITestOutputHelper output)
{
    private const string User = "tls-relay";
    private const string Password = "tls-password-19ab";

    private static Dictionary<string, string?> Settings(string? pin) => new()
    {
        ["StartTls"] = "true", ["Username"] = User, ["Password"] = Password, ["TrustedCertificateSha256"] = pin,
    };

    [Fact]
    public async Task Pinned_certificate_lets_STARTTLS_complete_and_the_login_and_mail_go_over_TLS()
    {
        var smtp = await SmtpTestServer.StartAsync(User, Password, startTls: true);
        // Colon-separated, lower case: as openssl prints a fingerprint.
        var pin = string.Join(':', smtp.CertificateSha256!.Chunk(2).Select(c => new string(c))).ToLowerInvariant();
        await using var email = await EmailAlerting.StartAsync(smtp, Settings(pin));
        var incident = await email.PublishIncidentAsync();

        var message = await email.OneMessageAsync();
        Assert.True(message.Tls, "the mail was sent inside TLS");
        Assert.Equal(User, message.Login);
        Assert.Contains(incident.ToString(), message.Body);
        Assert.All(email.Smtp.Logins(), l => Assert.True(l.Tls, "the password was only sent inside TLS"));
        await email.LogEntryAsync(EmailAlerting.IsDelivered, "the delivery recorded as delivered");
    }

    [Fact]
    public async Task Without_a_pin_the_self_signed_certificate_is_refused_with_a_certificate_error_and_nothing_is_sent()
    {
        var smtp = await SmtpTestServer.StartAsync(User, Password, startTls: true);
        await using var email = await EmailAlerting.StartAsync(smtp, Settings(pin: null));
        await email.PublishIncidentAsync();

        var entry = await email.LogEntryAsync(attempts: 2);
        Assert.Equal("Pending", entry.GetProperty("status").GetString());
        var error = entry.GetProperty("lastError").GetString()!;
        output.WriteLine($"delivery log: {error}");
        Assert.Contains("STARTTLS", error);
        Assert.Contains("not trusted", error);
        Assert.Contains(smtp.CertificateSha256!, error);
        Assert.Empty(email.Smtp.Received());
        Assert.Empty(email.Smtp.Logins()); // the password never left the process
    }

    [Fact]
    public async Task A_pin_of_another_certificate_does_not_make_the_relay_trusted()
    {
        var smtp = await SmtpTestServer.StartAsync(User, Password, startTls: true);
        await using var email = await EmailAlerting.StartAsync(smtp, Settings(pin: new string('A', 64)));
        await email.PublishIncidentAsync();

        var error = (await email.LogEntryAsync(attempts: 2)).GetProperty("lastError").GetString()!;
        output.WriteLine($"delivery log: {error}");
        Assert.Contains("not trusted", error);
        Assert.Empty(email.Smtp.Received());
    }
}
