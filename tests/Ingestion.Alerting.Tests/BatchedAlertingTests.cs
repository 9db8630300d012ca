using System.Text.Json;
using Ingestion.Alerting.Delivery;
using Ingestion.Contracts;
using Ingestion.ServiceDefaults.Telemetry;
using Ingestion.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Ingestion.Alerting.Tests.Incidents;

namespace Ingestion.Alerting.Tests;

/// <summary>
/// Openings, revisions, a redelivered opening and a stale revision of three incidents, all at once: whether
/// they are consumed from the bus into batches or recorded as one batch, each subscriber gets each incident's
/// opening first, then the revisions it asked for, in order, each once.
/// </summary>
public sealed class BatchedAlertingTests(AlertingTestHost alerting) : IClassFixture<AlertingTestHost>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Events_consumed_at_once_reach_each_subscriber_in_order_and_once() =>
        await RunAsync(async events =>
        {
            foreach (var e in events)
                await (e is IncidentOpened opened ? alerting.PublishAsync(opened) : alerting.PublishAsync((IncidentRevised)e));
        });

    [Fact]
    public async Task One_batch_holding_several_events_of_an_incident_decides_each_against_the_ones_before_it() =>
        await RunAsync(async events =>
        {
            // Straight to the recorder: the bus keeps events of one incident out of the same batch (see the consumer definition).
            using var scope = alerting.Host.App.Services.CreateScope();
            var batch = events.Select(e => Traced<IncidentEvent>.Here(e switch
            {
                IncidentOpened o => new IncidentEvent(o.Incident, null, o.CollectedAt),
                IncidentRevised r => new IncidentEvent(r.Incident, r.Changes, r.CollectedAt),
                _ => throw new ArgumentException(e.GetType().Name),
            })).ToList();
            await scope.ServiceProvider.GetRequiredService<AlertRecorder>().RecordAsync(batch, CancellationToken.None);
        });

    private async Task RunAsync(Func<IReadOnlyList<object>, Task> send)
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

        await Eventually.ReturnsAsync(() => Task.FromResult(everything.Accepted.Count + casualties.Accepted.Count + iraq.Accepted.Count),
            n => n >= 13, Timeout, "13 alerts");
        await Task.Delay(TimeSpan.FromSeconds(2)); // settle: a duplicate or an extra alert would show up here
        Assert.Equal("A: opened 1, revised 2, revised 3 | B: opened 1, revised 3 | C: opened 1, revised 2", Received(everything, labels));
        Assert.Equal("A: opened 1, revised 2 | B: opened 1, revised 3 | C: opened 1", Received(casualties, labels));
        Assert.Equal("C: opened 2", Received(iraq, labels));
    }

    /// <summary>The alerts a receiver accepted, per incident in the order they came: "A: opened 1, revised 2 | B: ...".</summary>
    private static string Received(ScriptedWebhookReceiver receiver, Dictionary<Guid, string> labels) => string.Join(" | ",
        receiver.Accepted.Select(a => JsonDocument.Parse(a.Body).RootElement)
            .Select(body => (Type: body.GetProperty("type").GetString()!["incident.".Length..], Incident: body.GetProperty("incident")))
            .GroupBy(x => labels.GetValueOrDefault(x.Incident.GetProperty("incidentId").GetGuid(), "?"))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => $"{x.Type} {x.Incident.GetProperty("revision").GetInt32()}"))}"));
}
