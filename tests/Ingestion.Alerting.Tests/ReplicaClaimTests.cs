using Ingestion.Alerting.Data;
using Ingestion.Testing;
using Microsoft.EntityFrameworkCore;
using static Ingestion.Alerting.Tests.Incidents;

namespace Ingestion.Alerting.Tests;

/// <summary>
/// Two Alerting replicas on one database, one slow subscriber: sending everything one replica claimed takes
/// longer than its claim lasts. A claim that ran out lets the other replica take the delivery, so a replica must
/// not start a send its claim may not outlast.
/// </summary>
public sealed class ReplicaClaimTests
{
    private const int Alerts = 12;

    [Fact]
    public async Task A_replica_hands_back_what_it_cannot_send_within_its_claim_and_no_alert_goes_twice()
    {
        await using var receiver = await ScriptedWebhookReceiver.StartAsync();
        receiver.Script = _ => new ScriptedWebhookReceiver.Reply(204, Delay: TimeSpan.FromMilliseconds(700));
        var alerting = new AlertingTestHost();
        // 12 sends of 0.7 s take 8.4 s; a claim lasts 6 s, and a send may take up to 4 s (room for a loaded machine).
        alerting.Settings["Alerting:ClaimDuration"] = "00:00:06";
        alerting.Settings["Alerting:WebhookTimeout"] = "00:00:04";
        alerting.Settings["Alerting:Smtp:Timeout"] = "00:00:04";
        await alerting.InitializeAsync();
        await using var second = await alerting.StartHostAsync();
        try
        {
            await alerting.SubscribeAsync(new { name = "slow", webhookUrl = receiver.Url, rateLimitPerMinute = 6000 });
            foreach (var incident in Enumerable.Range(0, Alerts).Select(_ => Make())) await alerting.PublishAsync(Opened(incident));

            await Eventually.ReturnsAsync(() => alerting.InDatabaseAsync(db => db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Delivered)),
                n => n >= Alerts, TimeSpan.FromSeconds(90), "every alert delivered");
            await Task.Delay(TimeSpan.FromSeconds(2)); // settle: a second copy still in flight would arrive here

            var ids = receiver.Accepted.Select(a => a.Id).ToList();
            Assert.Equal(Alerts, ids.Distinct().Count());
            Assert.True(ids.Count == Alerts, $"{ids.Count - Alerts} alerts were sent twice: " + string.Join(", ", ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key)));
        }
        finally
        {
            await alerting.DisposeAsync();
        }
    }
}
