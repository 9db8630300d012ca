using System.Net.Http.Json;
using System.Text.Json;
using Ingestion.Alerting.Data;
using Ingestion.Testing;
using Microsoft.EntityFrameworkCore;
using static Ingestion.Alerting.Tests.Incidents;

namespace Ingestion.Alerting.Tests;

/// <summary>Incident events on the real broker to signed webhooks at real local receivers, through the real database.</summary>
public sealed class WebhookDeliveryTests(AlertingTestHost alerting) : IClassFixture<AlertingTestHost>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private ScriptedWebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await ScriptedWebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    private static string Type(ScriptedWebhookReceiver.Attempt a) => JsonDocument.Parse(a.Body).RootElement.GetProperty("type").GetString()!;

    private static Guid IncidentOf(ScriptedWebhookReceiver.Attempt a) => JsonDocument.Parse(a.Body).RootElement.GetProperty("incident").GetProperty("incidentId").GetGuid();

    private Task<List<ScriptedWebhookReceiver.Attempt>> AcceptedAsync(int count, string what) =>
        Eventually.ReturnsAsync(() => Task.FromResult(receiver.Accepted), list => list.Count >= count, Timeout, what);

    [Fact]
    public async Task Signed_alerts_reach_only_the_subscriptions_whose_filters_match()
    {
        await using var iraqOnly = await ScriptedWebhookReceiver.StartAsync();
        var (_, iraqSecret) = await alerting.SubscribeAsync(new { name = "iraq only", webhookUrl = iraqOnly.Url, countries = new[] { "IQ" } });
        var (_, anySecret) = await alerting.SubscribeAsync(new { name = "everything", webhookUrl = receiver.Url });
        var syria = Make("rocket_attack", Rumeilan);
        var iraq = Make("drone_attack", AinAlAsad);
        await alerting.PublishAsync(Opened(syria));
        await alerting.PublishAsync(Opened(iraq));

        var all = await AcceptedAsync(2, "both alerts at the catch-all receiver");
        await Eventually.ReturnsAsync(() => Task.FromResult(iraqOnly.Accepted), l => l.Count >= 1, Timeout, "the Iraq alert");
        await Task.Delay(TimeSpan.FromSeconds(2)); // settle: a wrong extra alert would show up here
        var iraqAlerts = iraqOnly.Accepted;
        Assert.Equal([iraq.IncidentId], iraqAlerts.Select(IncidentOf));
        Assert.Equal(2, receiver.Accepted.Count);
        Assert.All(all, a => Assert.True(WebhookSignature.Verify(anySecret, a.Id, a.Timestamp, a.Body, a.Signature), "signature"));
        Assert.True(WebhookSignature.Verify(iraqSecret, iraqAlerts[0].Id, iraqAlerts[0].Timestamp, iraqAlerts[0].Body, iraqAlerts[0].Signature));
        var body = JsonDocument.Parse(iraqAlerts[0].Body).RootElement;
        Assert.Equal("incident.opened", body.GetProperty("type").GetString());
        Assert.Equal($"http://store.test/incidents/{iraq.IncidentId}", body.GetProperty("link").GetString());
    }

    [Fact]
    public async Task Receiver_down_for_a_while_then_back_gets_every_alert_exactly_once_in_revision_order()
    {
        var down = true;
        receiver.Script = _ => new ScriptedWebhookReceiver.Reply(down ? 503 : 204);
        await alerting.SubscribeAsync(new { name = "outage", webhookUrl = receiver.Url, notifyRevisions = true });
        var incidents = Enumerable.Range(0, 10).Select(_ => Make()).ToList();
        foreach (var incident in incidents) await alerting.PublishAsync(Opened(incident));
        foreach (var incident in incidents.Take(4)) await alerting.PublishAsync(Revised(incident with { Revision = 2, Killed = 1 }, "casualties"));
        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Attempts.Count), n => n >= 20, Timeout, "attempts refused while the receiver is down");
        down = false;

        var accepted = await AcceptedAsync(14, "10 openings and 4 revisions once the receiver is back");
        await Task.Delay(TimeSpan.FromSeconds(3));
        accepted = receiver.Accepted;
        Assert.Equal(14, accepted.Count);
        Assert.Equal(14, accepted.Select(a => a.Id).Distinct().Count());
        foreach (var group in accepted.GroupBy(IncidentOf))
            Assert.Equal("incident.opened", Type(group.First()));
        Assert.Equal(4, accepted.Count(a => Type(a) == "incident.revised"));
    }

    [Fact]
    public async Task A_revision_waits_while_the_opening_alert_of_its_incident_is_being_retried()
    {
        var incident = Make();
        receiver.Script = a => new ScriptedWebhookReceiver.Reply(a.Id.EndsWith("-1", StringComparison.Ordinal) && receiver.Attempts.Count(x => x.Id == a.Id) < 3 ? 500 : 204);
        await alerting.SubscribeAsync(new { name = "ordering", webhookUrl = receiver.Url, revisions = new[] { "casualties" } });
        await alerting.PublishAsync(Opened(incident));
        // The revision goes once the opening has been refused: published back to back, the two could be consumed
        // in either order (see the consumer definition), and a revision first would become the opening.
        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Attempts.Count), n => n >= 1, Timeout, "the opening's first attempt");
        await alerting.PublishAsync(Revised(incident with { Revision = 2, Killed = 2 }, "casualties"));

        var accepted = await AcceptedAsync(2, "opening and revision");
        var firstId = accepted[0].Id;
        Assert.EndsWith("-1", firstId);
        Assert.Equal(["incident.opened", "incident.revised"], accepted.Select(Type));
        Assert.True(receiver.Attempts.Count(a => a.Id == firstId) >= 3, "the opening was retried before the revision went");
    }

    [Fact]
    public async Task A_revision_consumed_before_its_opening_becomes_the_opening_and_the_late_opening_is_dropped()
    {
        var incident = Make();
        var (id, _) = await alerting.SubscribeAsync(new { name = "late opening", webhookUrl = receiver.Url, notifyRevisions = true });
        await alerting.PublishAsync(Revised(incident with { Revision = 2, Killed = 3 }, "casualties"));
        await AcceptedAsync(1, "the revision, delivered as the opening");
        await alerting.PublishAsync(Opened(incident));
        // A marker published after the late opening: once it arrives, the late opening has been consumed too (give or take a settle).
        var marker = Make();
        await alerting.PublishAsync(Opened(marker));
        await AcceptedAsync(2, "the marker");
        await Task.Delay(TimeSpan.FromSeconds(2));

        var alert = Assert.Single(receiver.Accepted, a => IncidentOf(a) == incident.IncidentId);
        Assert.Equal("incident.opened", Type(alert));
        Assert.Equal(2, JsonDocument.Parse(alert.Body).RootElement.GetProperty("incident").GetProperty("revision").GetInt32());
        Assert.Equal(1, await alerting.InDatabaseAsync(db => db.Deliveries.CountAsync(d => d.SubscriptionId == id && d.IncidentId == incident.IncidentId)));
    }

    [Fact]
    public async Task Gone_410_disables_the_subscription_and_nothing_more_is_sent()
    {
        receiver.Script = _ => new ScriptedWebhookReceiver.Reply(410);
        var (id, _) = await alerting.SubscribeAsync(new { name = "gone", webhookUrl = receiver.Url });
        await alerting.PublishAsync(Opened(Make()));
        using var client = alerting.Client();
        var view = await Eventually.ReturnsAsync(() => client.GetFromJsonAsync<JsonElement>($"/subscriptions/{id}"),
            v => !v.GetProperty("enabled").GetBoolean(), Timeout, "the subscription disabled");
        Assert.Contains("410", view.GetProperty("disabledReason").GetString());

        // A witness subscription shows when the next event has been handled, however late; removed afterwards, so
        // the event cannot reach a later test's subscriptions either.
        await using var witness = await ScriptedWebhookReceiver.StartAsync();
        var (witnessId, _) = await alerting.SubscribeAsync(new { name = "witness", webhookUrl = witness.Url });
        var next = Make();
        await alerting.PublishAsync(Opened(next));
        await Eventually.ReturnsAsync(() => Task.FromResult(witness.Accepted), l => l.Any(a => IncidentOf(a) == next.IncidentId), Timeout, "the next alert at the witness");
        (await client.DeleteAsync($"/subscriptions/{witnessId}")).EnsureSuccessStatusCode();
        Assert.Single(receiver.Attempts);
    }

    [Fact]
    public async Task Too_many_requests_429_is_retried_no_sooner_than_its_Retry_After()
    {
        // Only this incident's attempts count: the class's host keeps earlier tests' catch-all subscriptions, and a
        // receiver may be given the port of an earlier test's receiver, so an alert meant for one of those can arrive here.
        var incident = Make();
        bool Ours(ScriptedWebhookReceiver.Attempt a) => IncidentOf(a) == incident.IncidentId;
        receiver.Script = a => Ours(a) && !receiver.Attempts.Any(Ours) ? new ScriptedWebhookReceiver.Reply(429, RetryAfter: TimeSpan.FromSeconds(2)) : new(204);
        var (id, _) = await alerting.SubscribeAsync(new { name = "busy receiver", webhookUrl = receiver.Url });
        await alerting.PublishAsync(Opened(incident));
        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Accepted.Where(Ours).ToList()), l => l.Count >= 1, Timeout, "the alert after Retry-After");
        var attempts = receiver.Attempts.Where(Ours).ToList();
        Assert.Equal([429, 204], attempts.Select(a => a.Status));
        // The configured backoff here is 0.2 s: only Retry-After (2 s, the fixture's MaxRetryDelay too) explains a gap of 2 s.
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(1.9), $"gap {attempts[1].At - attempts[0].At}");
        using var client = alerting.Client();
        // The receiver notes the 204 before Alerting has read it and written the outcome.
        var log = await Eventually.ReturnsAsync(() => client.GetFromJsonAsync<JsonElement[]>($"/subscriptions/{id}/deliveries"),
            l => l is [var only] && only.GetProperty("status").GetString() == "Delivered", Timeout, "the delivery recorded as delivered");
        var entry = Assert.Single(log!);
        Assert.Equal(2, entry.GetProperty("attempts").GetInt32());
        Assert.Equal(204, entry.GetProperty("responseCode").GetInt32());
    }

    [Fact]
    public async Task Rate_limit_holds_a_subscription_to_its_attempts_per_minute()
    {
        var (id, _) = await alerting.SubscribeAsync(new { name = "rate limited", webhookUrl = receiver.Url, rateLimitPerMinute = 3 });
        for (var i = 0; i < 6; i++) await alerting.PublishAsync(Opened(Make()));
        await AcceptedAsync(3, "the first three alerts");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(3, receiver.Accepted.Count);
        var pending = await alerting.InDatabaseAsync(db => db.Deliveries.Where(d => d.SubscriptionId == id && d.Status == DeliveryStatus.Pending).ToListAsync());
        Assert.Equal(3, pending.Count);
        Assert.All(pending, d => Assert.Equal(0, d.Attempts)); // postponed, not failed
    }

    [Fact]
    public async Task Digest_gathers_the_window_alerts_into_one_signed_delivery()
    {
        var (id, secret) = await alerting.SubscribeAsync(new { name = "digest", webhookUrl = receiver.Url, digestMinutes = 60 });
        var incidents = Enumerable.Range(0, 3).Select(_ => Make()).ToList();
        foreach (var incident in incidents) await alerting.PublishAsync(Opened(incident));
        await Eventually.ReturnsAsync(() => alerting.InDatabaseAsync(db => db.Deliveries.CountAsync(d => d.SubscriptionId == id && d.Status == DeliveryStatus.Queued)),
            n => n == 3, Timeout, "three alerts queued for the digest");
        Assert.Empty(receiver.Attempts);
        // Bring the window's end forward instead of waiting an hour.
        await alerting.InDatabaseAsync(db => db.Subscriptions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.NextDigestAt, DateTimeOffset.UtcNow.AddSeconds(-1))));

        var digest = Assert.Single(await AcceptedAsync(1, "one digest"));
        Assert.True(WebhookSignature.Verify(secret, digest.Id, digest.Timestamp, digest.Body, digest.Signature));
        var body = JsonDocument.Parse(digest.Body).RootElement;
        Assert.Equal("digest", body.GetProperty("type").GetString());
        // Concurrent consumers record in any order, so compare as sets.
        Assert.Equivalent(incidents.Select(i => i.IncidentId), body.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("incident").GetProperty("incidentId").GetGuid()), strict: true);
        Assert.Equal(3, await alerting.InDatabaseAsync(db => db.Deliveries.CountAsync(d => d.SubscriptionId == id && d.Status == DeliveryStatus.Digested)));
    }
}
