using Ingestion.Testing;
using Xunit.Abstractions;

namespace Ingestion.Alerting.Tests;

/// <summary>E-mail through a real SMTP server (aiosmtpd) that refuses mail without a login, over plain TCP on loopback.</summary>
public sealed class EmailLoginTests(ITestOutputHelper output)
{
    private const string User = "alerts-relay";
    private const string Password = "relay-password-7f3e";

    private static Dictionary<string, string?> Credentials(string password) => new()
    {
        ["StartTls"] = "false", ["Username"] = User, ["Password"] = password,
    };

    [Fact]
    public async Task Right_credentials_log_in_and_the_mail_is_accepted()
    {
        await using var email = await EmailAlerting.StartAsync(await SmtpTestServer.StartAsync(User, Password), Credentials(Password));
        var incident = await email.PublishIncidentAsync();

        var message = await email.OneMessageAsync();
        Assert.True(message.Authenticated, "the mail came in an authenticated session");
        Assert.Equal(User, message.Login);
        Assert.Contains(incident.ToString(), message.Body);
        var login = Assert.Single(email.Smtp.Logins());
        Assert.Equal((User, true), (login.Login, login.Success));
        await email.LogEntryAsync(EmailAlerting.IsDelivered, "the delivery recorded as delivered");
    }

    [Fact]
    public async Task Wrong_password_fails_with_a_login_error_in_the_log_is_retried_and_delivered_once_the_password_is_fixed()
    {
        await using var email = await EmailAlerting.StartAsync(await SmtpTestServer.StartAsync(User, Password), Credentials("not-the-password"));
        await email.PublishIncidentAsync();

        var entry = await email.LogEntryAsync(attempts: 2);
        Assert.Equal("Pending", entry.GetProperty("status").GetString());
        var error = entry.GetProperty("lastError").GetString()!;
        output.WriteLine($"delivery log: {error}");
        Assert.Contains($"login of '{User}'", error);
        Assert.Contains("wrong user name or password", error);
        Assert.DoesNotContain("not-the-password", error);
        Assert.Empty(email.Smtp.Received());
        Assert.Contains(email.Smtp.Logins(), l => l.Login == User && !l.Success);

        // The operator fixes the password and restarts: the recorded delivery goes out, nothing was lost.
        email.Alerting.Settings["Alerting:Smtp:Password"] = Password;
        await email.Alerting.RestartAsync();
        var message = await email.OneMessageAsync();
        Assert.Equal(User, message.Login);
        await email.LogEntryAsync(EmailAlerting.IsDelivered, "the delivery recorded as delivered");
        await Task.Delay(TimeSpan.FromSeconds(2)); // settle: a repeat would show up here
        Assert.Single(email.Smtp.Received());
    }
}
