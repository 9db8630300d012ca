using System.Text.Json;
using Ingestion.Alerting.Delivery;
using Ingestion.Contracts;
using Ingestion.ServiceDefaults.Telemetry;
using Ingestion.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Ingestion.Alerting.Tests.Incidents;

namespace Ingestion.Alerting.Tests;

/// <summary>
/// Openings, revisions, a redelivered opening and a stale revision of three incidents, all at once, consumed
/// from the bus into batches or recorded as one batch: each subscriber gets each incident's opening first, then
/// only newer revisions it asked for, each once, and ends with the incident's latest state.
/// </summary>
public sealed class BatchedAlertingTests(AlertingTestHost alerting) : IClassFixture<AlertingTestHost>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>An alert a receiver accepted: which incident (A, B or C), its type, revision and killed count.</summary>
    private sealed record Alert(string Incident, string Type, int Revision, int? Killed);

    private sealed record Received(List<Alert> Everything, List<Alert> Casualties, List<Alert> Iraq)
    {
        public override string ToString() => $"everything {Describe(Everything)}; casualties {Describe(Casualties)}; iraq {Describe(Iraq)}";
    }

    [Fact]
    public async Task Events_consumed_at_once_reach_each_subscriber_in_order_and_once()
    {
        // Over the bus, two events published back to back can reach the recorder in either order: the broker
        // client hands deliveries to concurrent handlers before the per-incident partitioner sees them (one CI run
        // got B's stale revision 2 before its revision 3, and sent both, in that order). Which alerts a subscriber
        // gets then depends on the order; what it must never get, and the state it ends with, do not.
        var received = await RunAsync(
            async events =>
            {
                foreach (var e in events)
                    await (e is IncidentOpened opened ? alerting.PublishAsync(opened) : alerting.PublishAsync((IncidentRevised)e));
            },
            EndedWithLatestStates);
        AssertInOrderAndOnce(received);
    }

    [Fact]
    public async Task Events_of_Store_batches_in_one_message_each_reach_each_subscriber_in_order_and_once()
    {
        // As the Store publishes them: a batch's events in one IncidentsChanged, one event an incident at most.
        // Messages are consumed concurrently, so the same holds as for lone events: any order, nothing stale.
        var received = await RunAsync(
            async events =>
            {
                foreach (var batch in StoreBatches(events))
                    await alerting.PublishAsync(new IncidentsChanged { Opened = [.. batch.OfType<IncidentOpened>()], Revised = [.. batch.OfType<IncidentRevised>()] });
            },
            EndedWithLatestStates);
        AssertInOrderAndOnce(received);
    }

    [Fact]
    public async Task One_batch_holding_several_events_of_an_incident_decides_each_against_the_ones_before_it()
    {
        var received = await RunAsync(
            async events =>
            {
                // Straight to the recorder, in the order given: the bus keeps events of one incident out of the same batch (see the consumer definition).
                using var scope = alerting.Host.App.Services.CreateScope();
                var batch = events.Select(e => Traced<IncidentEvent>.Here(e switch
                {
                    IncidentOpened o => IncidentEvent.Of(o),
                    IncidentRevised r => IncidentEvent.Of(r),
                    _ => throw new ArgumentException(e.GetType().Name),
                })).ToList();
                await scope.ServiceProvider.GetRequiredService<AlertRecorder>().RecordAsync(batch, CancellationToken.None);
            },
            r => r.Everything.Count + r.Casualties.Count + r.Iraq.Count >= 13);

        Assert.Equal("A: opened 1, revised 2, revised 3 | B: opened 1, revised 3 | C: opened 1, revised 2", Describe(received.Everything));
        Assert.Equal("A: opened 1, revised 2 | B: opened 1, revised 3 | C: opened 1", Describe(received.Casualties));
        Assert.Equal("C: opened 2", Describe(received.Iraq));
    }

    private static bool EndedWithLatestStates(Received r) =>
        Latest(r.Everything, "A")?.Revision == 3 && Latest(r.Everything, "B")?.Revision == 3 && Latest(r.Everything, "C")?.Revision == 2
        && Latest(r.Casualties, "A")?.Killed == 2 && Latest(r.Casualties, "B")?.Killed == 5 && r.Iraq.Count > 0;

    /// <summary>Each incident's first alert to a subscriber is its opening, then only newer revisions; the Iraq subscription hears of C once, when it moved there.</summary>
    private static void AssertInOrderAndOnce(Received received)
    {
        foreach (var alerts in new[] { received.Everything, received.Casualties, received.Iraq })
            foreach (var incident in alerts.GroupBy(a => a.Incident))
            {
                Assert.Equal(AlertDecider.Opened, incident.First().Type);
                Assert.All(incident.Skip(1), a => Assert.Equal(AlertDecider.Revised, a.Type));
                var revisions = incident.Select(a => a.Revision).ToList();
                Assert.True(revisions.Zip(revisions.Skip(1)).All(p => p.First < p.Second), $"{incident.Key}: revisions {string.Join(", ", revisions)}");
            }
        Assert.Equal(["A", "B", "C"], received.Casualties.Select(a => a.Incident).Distinct().Order());
        Assert.Equal([new Alert("C", AlertDecider.Opened, 2, null)], received.Iraq);
    }

    /// <summary>The events in order, cut wherever an incident would appear twice in one batch.</summary>
    private static List<List<object>> StoreBatches(IReadOnlyList<object> events)
    {
        var batches = new List<List<object>> { new() };
        foreach (var e in events)
        {
            if (batches[^1].Any(b => IncidentOf(b) == IncidentOf(e))) batches.Add([]);
            batches[^1].Add(e);
        }
        return batches;

        static Guid IncidentOf(object e) => e is IncidentOpened o ? o.Incident.IncidentId : ((IncidentRevised)e).Incident.IncidentId;
    }

    /// <summary>Sends the events through <paramref name="send"/> to three subscriptions; returns what each received once <paramref name="done"/> holds and nothing more came for two seconds.</summary>
    private async Task<Received> RunAsync(Func<IReadOnlyList<object>, Task> send, Func<Received, bool> done)
    {
        await using var everything = await ScriptedWebhookReceiver.StartAsync();
        await using var casualties = await ScriptedWebhookReceiver.StartAsync();
        await using var iraq = await ScriptedWebhookReceiver.StartAsync();
        await alerting.SubscribeAsync(new { name = $"everything {Guid.NewGuid():N}", webhookUrl = everything.Url, notifyRevisions = true });
        await alerting.SubscribeAsync(new { name = $"casualties {Guid.NewGuid():N}", webhookUrl = casualties.Url, revisions = new[] { "casualties" } });
        await alerting.SubscribeAsync(new { name = $"iraq {Guid.NewGuid():N}", webhookUrl = iraq.Url, countries = new[] { "IQ" } });

        IncidentSnapshot a = Make(), b = Make(), c = Make(place: Rumeilan);
        var labels = new Dictionary<Guid, string> { [a.IncidentId] = "A", [b.IncidentId] = "B", [c.IncidentId] = "C" };
        var openA = Opened(a);
        await send([
            openA,
            Revised(a with { Revision = 2, Killed = 2 }, "casualties"),
            openA, // redelivered
            Revised(a with { Revision = 3, Killed = 2, ClaimedBy = "kataib_hezbollah" }, "attribution"),
            Opened(b),
            Revised(b with { Revision = 3, Killed = 5 }, "casualties"),
            Revised(b with { Revision = 2, Killed = 1 }, "casualties"), // stale: older than revision 3
            Opened(c),
            // C moves into Iraq: the Iraq subscription's first alert about it is an opening, at revision 2.
            Revised(c with { Revision = 2, Place = AinAlAsad }, "place"),
        ]);

        Received Now() => new(AlertsOf(everything, labels), AlertsOf(casualties, labels), AlertsOf(iraq, labels));
        await Eventually.ReturnsAsync(() => Task.FromResult(Now()), done, Timeout, "the alerts each subscriber should end with");
        await Task.Delay(TimeSpan.FromSeconds(2)); // settle: a duplicate or an extra alert would show up here
        return Now();
    }

    /// <summary>The alerts a receiver accepted, in the order they came.</summary>
    private static List<Alert> AlertsOf(ScriptedWebhookReceiver receiver, Dictionary<Guid, string> labels) => receiver.Accepted
        .Select(accepted => JsonDocument.Parse(accepted.Body).RootElement)
        .Select(body => (Type: body.GetProperty("type").GetString()!, Incident: body.GetProperty("incident")))
        .Select(x => new Alert(labels.GetValueOrDefault(x.Incident.GetProperty("incidentId").GetGuid(), "?"), x.Type,
            x.Incident.GetProperty("revision").GetInt32(),
            x.Incident.TryGetProperty("killed", out var killed) && killed.ValueKind == JsonValueKind.Number ? killed.GetInt32() : null))
        .ToList();

    private static Alert? Latest(List<Alert> alerts, string incident) => alerts.LastOrDefault(a => a.Incident == incident);

    /// <summary>"A: opened 1, revised 2 | B: ..."</summary>
    private static string Describe(List<Alert> alerts) => string.Join(" | ", alerts.GroupBy(a => a.Incident).OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => $"{g.Key}: {string.Join(", ", g.Select(a => $"{a.Type["incident.".Length..]} {a.Revision}"))}"));
}
