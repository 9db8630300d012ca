using System.Net.Mail;
using System.Security.Authentication;

namespace Ingestion.Alerting.Email;

/// <summary>
/// Turns SmtpClient's exceptions into the one line kept in the delivery log: what failed (connection,
/// STARTTLS, login, the relay's answer) in words an operator can act on. Never includes the password.
/// </summary>
public static class SmtpFailure
{
    public static string Describe(Exception error, SmtpOptions smtp, string? certificateRejection)
    {
        var relay = $"{smtp.Host}:{smtp.Port}";
        var detail = error.InnerException?.Message ?? error.Message;
        if (certificateRejection is not null) return $"SMTP STARTTLS with {relay} failed: {certificateRejection}";
        if (Find<AuthenticationException>(error) is { } tls) return $"SMTP STARTTLS with {relay} failed: {tls.Message}";
        if (error is not SmtpException smtpError) return $"SMTP {relay}: {detail}";
        var code = (int)smtpError.StatusCode;
        return code switch
        {
            535 => $"SMTP 535: {relay} refused the login of '{smtp.Username}' (wrong user name or password): {detail}",
            // SmtpClient goes on without a login when every mechanism it tried was refused, so a wrong password
            // usually surfaces as the relay's 530 "authentication required" on MAIL FROM.
            530 when smtp.Username is { Length: > 0 } => $"SMTP 530: {relay} did not accept the login of '{smtp.Username}' (wrong user name or password, or no mechanism SmtpClient speaks): {detail}",
            530 => $"SMTP 530: {relay} requires a login (set Alerting:Smtp:Username and Password) or STARTTLS first: {detail}",
            _ => $"SMTP {code}: {detail}",
        };
    }

    private static T? Find<T>(Exception? error) where T : Exception
    {
        for (; error is not null; error = error.InnerException)
            if (error is T match) return match;
        return null;
    }
}
