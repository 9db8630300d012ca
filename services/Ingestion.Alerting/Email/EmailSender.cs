using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Ingestion.Alerting.Data;
using Ingestion.Alerting.Delivery;
using Microsoft.Extensions.Options;

namespace Ingestion.Alerting.Email;

/// <summary>
/// Sends an alert as a plain-text e-mail through the configured SMTP relay (System.Net.Mail: MailKit is not
/// available here). Subject and body are UTF-8, the subject as RFC 2047 encoded words and the body in
/// base64, so Arabic survives every relay, 7-bit ones included.
/// </summary>
public sealed class EmailSender(IOptions<AlertingOptions> options) : IAlertChannel
{
    public async Task<SendResult> SendAsync(Subscription subscription, Data.Delivery delivery, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host)) return SendResult.Fail("no SMTP relay configured (Alerting:Smtp:Host)");
        if (smtp.TrustedCertificateSha256 is { Length: > 0 } pin && SmtpCertificateTrust.NormalizeSha256(pin) is null)
            return SendResult.Fail("Alerting:Smtp:TrustedCertificateSha256 is not a SHA-256 fingerprint (64 hex digits)");
        var (subject, body) = AlertText.For(delivery.Payload);
        using var message = new MailMessage
        {
            From = new MailAddress(smtp.From, smtp.FromName, Encoding.UTF8),
            Subject = subject, SubjectEncoding = Encoding.UTF8,
            Body = body, BodyEncoding = Encoding.UTF8, BodyTransferEncoding = TransferEncoding.Base64,
        };
        message.To.Add(new MailAddress(subscription.Email!));
        // Same value across retries: a mailbox or filter can spot a repeat.
        message.Headers.Add("Message-ID", $"<{delivery.MessageId}@ingestion>");
        message.Headers.Add("X-Ingestion-Alert-Id", delivery.MessageId);
        var certificate = SmtpCertificateTrust.BeginSend(smtp.TrustedCertificateSha256);
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.StartTls, DeliveryMethod = SmtpDeliveryMethod.Network, Timeout = (int)smtp.Timeout.TotalMilliseconds,
            Credentials = smtp.Username is { Length: > 0 } user ? new NetworkCredential(user, smtp.Password) : null,
        };
        try
        {
            await client.SendMailAsync(message, ct);
            return SendResult.Ok(250);
        }
        catch (Exception error) when (error is SmtpException or IOException or System.Net.Sockets.SocketException
            or System.Security.Authentication.AuthenticationException or InvalidOperationException)
        {
            // Every SMTP failure is retried with backoff: a relay's 4xx is temporary, and a 5xx may be a
            // misconfigured relay (or certificate, or password) the operator fixes within the day the retries last.
            return SendResult.Fail(SmtpFailure.Describe(error, smtp, certificate.Rejection), error is SmtpException smtpError ? (int)smtpError.StatusCode : null);
        }
    }
}
