using Xunit.Abstractions;

namespace Ingestion.Faults.Tests;

/// <summary>
/// Alerting dies with SIGKILL while it is delivering: some alerts received, one webhook in flight (taken by the
/// receiver, not yet answered), the rest recorded or still queued on the broker. A new Alerting process takes over
/// from the same database (the subscription, the recorded deliveries, the dead process's claims) and queue.
/// </summary>
public sealed class AlertingCrashTests(ITestOutputHelper output)
{
    /// <summary>
    /// The dead process's claimed deliveries fall due again when their claim runs out: 2 min by default, shortened
    /// so the run stays short (as the lab shortens retry delays).
    /// </summary>
    private static readonly Dictionary<string, string?> ShortClaims = new()
    {
        ["Alerting__ClaimDuration"] = "00:00:15",
        // Longer than the held answer, shorter than the claim: a send may only start while the claim outlasts it.
        ["Alerting__WebhookTimeout"] = "00:00:07",
        ["Alerting__Smtp__Timeout"] = "00:00:07",
    };

    /// <summary>A slow receiver: delivery, not the Store, sets the pace, so the crash finds most alerts still to send.</summary>
    private static readonly TimeSpan SlowReceiver = TimeSpan.FromMilliseconds(150);

    /// <summary>How long the webhook in flight at the crash stays unanswered: far longer than the kill takes.</summary>
    private static readonly TimeSpan Held = TimeSpan.FromSeconds(5);

    private const string Delivered = "\"Status\" = 1"; // DeliveryStatus.Delivered

    [Fact]
    public async Task Alerting_killed_mid_delivery_and_restarted_delivers_every_alert_under_one_webhook_id()
    {
        await using var lab = await FaultLab.StartAsync(output, articles: FaultLab.DefaultArticles, releasePerSecond: FaultLab.SpreadRelease);
        lab.Receiver.Delay = SlowReceiver;
        await lab.StartPipelineAsync(alertingSettings: ShortClaims);
        var expected = lab.Corpus.ExpectedIncidents;

        // Early, so the Store is usually still publishing too: the new process also takes the events queued meanwhile.
        var some = expected / 20;
        await PipelineProbe.WaitAsync(() => Task.FromResult<long?>(lab.Probe.Alerts.Select(a => a.Id).Distinct().Count()), n => n >= some,
            $"{some} alerts received before the crash");
        // The next webhook is recorded and left unanswered: Alerting dies before it learns the webhook arrived.
        var inFlight = await lab.Receiver.HoldNextAsync(Held).WaitAsync(TimeSpan.FromSeconds(30));
        await lab.Platform.Alerting!.Process.KillAsync();
        var receivedAtKill = lab.Probe.Alerts.Select(a => a.Id).ToHashSet();
        lab.Log($"alerting killed with {receivedAtKill.Count} of {expected} alerts received, {inFlight} in flight; " +
            $"deliveries recorded {await lab.Probe.CountAsync("Alerting", "Deliveries")}, delivered {await lab.Probe.CountAsync("Alerting", "Deliveries", Delivered)}; " +
            $"mentions stored {await lab.Probe.StoredMentionsAsync()} of {lab.Corpus.ExpectedMentions}");
        Assert.True(receivedAtKill.Count < expected, "the crash struck in the middle of the deliveries");

        await lab.Platform.StartAlertingAsync(ShortClaims);
        lab.Log("replacement alerting healthy");

        var tally = await lab.Probe.AssertEveryIncidentStoredAndAlertedOnceAsync(lab.Corpus, lab.Log);
        // One delivery row per incident, each recorded as delivered: nothing doubled or left pending.
        Assert.Equal(expected, await lab.Probe.CountAsync("Alerting", "Deliveries"));
        Assert.Equal(expected, await lab.Probe.CountAsync("Alerting", "Deliveries", Delivered));
        // At least once, as documented: the webhook the dead process never saw answered is sent again under the same
        // webhook-id (the receiver drops the repeat). Nothing else repeats: one subscriber's alerts go one at a time.
        var repeated = tally.Repeated.Select(r => $"{r.Key} x{r.Value}").ToList();
        lab.Log($"{tally.Repeats} exact repeat(s) of a webhook-id: {string.Join(", ", repeated)}");
        Assert.Equal([$"{inFlight} x2"], repeated);
    }
}
