using Ingestion.Alerting.Data;
using Ingestion.Testing;
using Microsoft.EntityFrameworkCore;
using static Ingestion.Alerting.Tests.Incidents;

namespace Ingestion.Alerting.Tests;

/// <summary>Alerting stopped in the middle of deliveries and started again on the same broker and database.</summary>
public sealed class RestartTests(AlertingTestHost alerting) : IClassFixture<AlertingTestHost>
{
    [Fact]
    public async Task Alerting_stopped_mid_delivery_and_restarted_loses_no_alert()
    {
        await using var receiver = await ScriptedWebhookReceiver.StartAsync();
        // A slow receiver keeps deliveries in flight when the host goes down: 40 alerts take 12 s, longer than a
        // stop on a loaded machine, so some are still to come when it ends.
        receiver.Script = _ => new ScriptedWebhookReceiver.Reply(204, Delay: TimeSpan.FromMilliseconds(300));
        await alerting.SubscribeAsync(new { name = "restart", webhookUrl = receiver.Url, rateLimitPerMinute = 6000 });
        var incidents = Enumerable.Range(0, 40).Select(_ => Make()).ToList();
        foreach (var incident in incidents) await alerting.PublishAsync(Opened(incident));
        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Accepted.Count), n => n >= 5, TimeSpan.FromSeconds(60), "some alerts delivered");

        var deliveredBeforeStop = 0;
        await alerting.RestartAsync(whileDown: () => deliveredBeforeStop = receiver.Accepted.Select(a => a.Id).Distinct().Count());
        Assert.True(deliveredBeforeStop < incidents.Count, "the stop came in the middle of deliveries");

        var all = await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Accepted.Select(a => a.Id).ToHashSet()), ids => ids.Count >= incidents.Count,
            TimeSpan.FromSeconds(90), "every alert after the restart");
        Assert.Equal(incidents.Count, all.Count);
        Assert.All(incidents, i => Assert.Contains(receiver.Accepted, a => a.Body.Contains(i.IncidentId.ToString(), StringComparison.Ordinal)));
        // The receiver notes an alert before its answer reaches Alerting, which then writes the outcome.
        await Eventually.ReturnsAsync(() => alerting.InDatabaseAsync(db => db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Delivered)),
            n => n == incidents.Count, TimeSpan.FromSeconds(30), "every delivery recorded as delivered");
        // At least once: only an alert in flight at the stop (answered 2xx, outcome not yet written) may come twice,
        // under the same webhook-id; the worker sends to one subscriber one alert at a time, so at most one here.
        var repeats = receiver.Accepted.Count - all.Count;
        Assert.InRange(repeats, 0, 1);
    }
}
