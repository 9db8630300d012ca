using System.Net.Http.Json;
using System.Text.Json;
using Ingestion.Testing;
using static Ingestion.Alerting.Tests.Incidents;

namespace Ingestion.Alerting.Tests;

/// <summary>An Alerting host whose e-mail goes to a given SMTP test server, with one mailbox subscribed.</summary>
public sealed class EmailAlerting : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private EmailAlerting(AlertingTestHost alerting, SmtpTestServer smtp) => (Alerting, Smtp) = (alerting, smtp);

    public AlertingTestHost Alerting { get; }
    public SmtpTestServer Smtp { get; }
    public Guid SubscriptionId { get; private set; }

    /// <param name="smtpSettings">Alerting:Smtp:* keys (without the prefix) on top of host and port.</param>
    public static async Task<EmailAlerting> StartAsync(SmtpTestServer smtp, Dictionary<string, string?> smtpSettings)
    {
        var alerting = new AlertingTestHost();
        alerting.Settings["Alerting:Smtp:Host"] = "127.0.0.1";
        alerting.Settings["Alerting:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        alerting.Settings["Alerting:Smtp:From"] = "alerts@ingestion.test";
        // A refused delivery must still be pending when a test looks at it, however slow the machine.
        alerting.Settings["Alerting:MaxAttempts"] = "1000";
        foreach (var (key, value) in smtpSettings) alerting.Settings[$"Alerting:Smtp:{key}"] = value;
        await alerting.InitializeAsync();
        var email = new EmailAlerting(alerting, smtp);
        (email.SubscriptionId, _) = await alerting.SubscribeAsync(new { name = "desk mailbox", email = "desk@newsroom.test" });
        return email;
    }

    /// <summary>Publishes one opened incident; returns its id.</summary>
    public async Task<Guid> PublishIncidentAsync()
    {
        var incident = Make("rocket_attack", Rumeilan, killed: 2);
        await Alerting.PublishAsync(Opened(incident));
        return incident.IncidentId;
    }

    public async Task<SmtpTestServer.Message> OneMessageAsync()
    {
        try { await Eventually.ReturnsAsync(() => Task.FromResult(Smtp.Received()), m => m.Count >= 1, Timeout, "one e-mail"); }
        catch (TimeoutException timeout) { throw new TimeoutException($"{timeout.Message}; deliveries:\n{await Alerting.DescribeDeliveriesAsync()}"); }
        return Assert.Single(Smtp.Received());
    }

    /// <summary>The only entry of the subscription's delivery log (read through the API) once it has been attempted at least <paramref name="attempts"/> times.</summary>
    public Task<JsonElement> LogEntryAsync(int attempts) => LogEntryAsync(e => e.GetProperty("attempts").GetInt32() >= attempts, $"{attempts} attempts in the delivery log");

    public async Task<JsonElement> LogEntryAsync(Func<JsonElement, bool> done, string what)
    {
        using var client = Alerting.Client();
        var log = await Eventually.ReturnsAsync(() => client.GetFromJsonAsync<JsonElement[]>($"/subscriptions/{SubscriptionId}/deliveries"),
            l => l is [var only] && done(only), Timeout, what);
        return log![0];
    }

    public static bool IsDelivered(JsonElement entry) => entry.GetProperty("status").GetString() == "Delivered";

    public async ValueTask DisposeAsync()
    {
        await Alerting.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
