using System.Diagnostics;
using System.Text.Json;
using Ingestion.Alerting.Data;
using Ingestion.Alerting.Subscriptions;
using Ingestion.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ingestion.Alerting.Delivery;

/// <summary>
/// Records one delivery per subscription each incident event concerns, for a batch of events in one commit
/// (see <see cref="Consumers.AlertBatcher"/>): one subscription check and one look-up of what was already
/// recorded serve the whole batch; the delivery worker sends them.
/// </summary>
public sealed class AlertRecorder(AlertingDbContext db, SubscriptionMatcher matcher, DeliverySignal signal, IOptions<AlertingOptions> options, TimeProvider time)
{
    /// <summary>Records the events' deliveries, in order, in one commit; returns how many each event got.</summary>
    public async Task<IReadOnlyList<int>> RecordAsync(IReadOnlyList<Traced<IncidentEvent>> events, CancellationToken ct)
    {
        var subscriptions = await matcher.CurrentAsync(db, ct);
        var candidates = events.Select(e => SubscriptionMatcher.Match(subscriptions, e.Value.Incident, e.Value.Changes)).ToList();
        if (candidates.All(c => c.Count == 0)) return new int[events.Count];

        var decider = new AlertDecider(await RecordedAsync(events, candidates, ct));
        var now = time.GetUtcNow();
        var counts = new List<int>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            // A span in the trace of the event's message: the delivery keeps it, so its send continues that trace.
            using var activity = events[i].StartActivity("record alerts");
            var e = events[i].Value;
            var alerts = decider.Decide(e, candidates[i]);
            activity?.SetTag("incident.id", e.Incident.IncidentId);
            activity?.SetTag("alerts.recorded", alerts.Count);
            var traceParent = activity?.Id ?? TraceParentOf(events[i].Trace);
            var payloads = new Dictionary<string, string>();
            foreach (var (subscription, type) in alerts)
            {
                if (!payloads.TryGetValue(type, out var payload)) payloads[type] = payload = PayloadOf(e, type, now);
                db.Deliveries.Add(new Data.Delivery
                {
                    SubscriptionId = subscription.Id, IncidentId = e.Incident.IncidentId, Revision = e.Incident.Revision,
                    EventType = type, Payload = payload, Status = subscription.Digest ? DeliveryStatus.Queued : DeliveryStatus.Pending,
                    NextAttemptAt = now, TraceParent = traceParent, CollectedAt = e.CollectedAt, PublishedAt = e.Incident.FirstPublishedAt, CreatedAt = now,
                });
            }
            counts.Add(alerts.Count);
        }
        // A redelivered event finds its deliveries already recorded; a replica racing on the same event hits the
        // unique key, the batch is committed again one event at a time, and the retry finds them recorded.
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return counts;
    }

    /// <summary>The latest revision each candidate subscription already has of each incident in the batch, in one query.</summary>
    private async Task<Dictionary<(Guid Incident, Guid Subscription), int>> RecordedAsync(
        IReadOnlyList<Traced<IncidentEvent>> events, List<List<MatchableSubscription>> candidates, CancellationToken ct)
    {
        var incidentIds = events.Select(e => e.Value.Incident.IncidentId).Distinct().ToList();
        var subscriptionIds = candidates.SelectMany(c => c).Select(s => s.Id).Distinct().ToList();
        // Both lists filter, so the (subscription, incident, revision) unique index serves the query.
        var rows = await db.Deliveries.Where(d => subscriptionIds.Contains(d.SubscriptionId) && incidentIds.Contains(d.IncidentId))
            .GroupBy(d => new { d.IncidentId, d.SubscriptionId })
            .Select(g => new { g.Key.IncidentId, g.Key.SubscriptionId, Revision = g.Max(d => d.Revision) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => (r.IncidentId, r.SubscriptionId), r => r.Revision);
    }

    private string PayloadOf(IncidentEvent e, string type, DateTimeOffset now)
    {
        var link = $"{options.Value.StoreBaseUrl.TrimEnd('/')}/incidents/{e.Incident.IncidentId}";
        return JsonSerializer.Serialize(new AlertPayload(type, now, e.Incident, e.Changes ?? [], link), AlertPayload.Json);
    }

    /// <summary>The message's own trace when no span was started for the event (nothing listening), as a W3C traceparent.</summary>
    private static string? TraceParentOf(ActivityContext trace) => trace == default ? null
        : $"00-{trace.TraceId.ToHexString()}-{trace.SpanId.ToHexString()}-{(trace.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00")}";
}
