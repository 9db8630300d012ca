using System.Diagnostics;
using System.Text.Json;
using Ingestion.Alerting.Data;
using Ingestion.Alerting.Delivery;
using Ingestion.Alerting.Subscriptions;
using Ingestion.Contracts;
using Ingestion.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ingestion.Alerting.Consumers;

/// <summary>
/// Records one delivery per subscription an incident event concerns; the delivery worker sends them.
/// The first alert a subscriber gets about an incident is always its opening alert (even when the
/// incident only came to match at a later revision), and an event older than what was already recorded
/// is dropped: so no subscriber ever sees a revision before the opening, or an old revision after a new one.
/// </summary>
public sealed class AlertOnIncidentConsumer(AlertingDbContext db, SubscriptionMatcher matcher, DeliverySignal signal, IOptions<AlertingOptions> options, TimeProvider time)
    : IConsumer<IncidentOpened>, IConsumer<IncidentRevised>
{
    public const string Opened = "incident.opened", Revised = "incident.revised";

    public Task Consume(ConsumeContext<IncidentOpened> context) =>
        RecordAsync(context.Message.Incident, null, context.Message.CollectedAt, context.CancellationToken);

    public Task Consume(ConsumeContext<IncidentRevised> context) =>
        RecordAsync(context.Message.Incident, context.Message.Changes, context.Message.CollectedAt, context.CancellationToken);

    private async Task RecordAsync(IncidentSnapshot incident, IReadOnlyList<string>? changes, DateTimeOffset collectedAt, CancellationToken ct)
    {
        var candidates = SubscriptionMatcher.Match(await matcher.CurrentAsync(db, ct), incident, changes);
        if (candidates.Count == 0) return;
        var ids = candidates.Select(c => c.Id).ToList();
        // What each subscription already has of this incident decides between opening, revision and stale.
        var latest = await db.Deliveries.Where(d => d.IncidentId == incident.IncidentId && ids.Contains(d.SubscriptionId))
            .GroupBy(d => d.SubscriptionId).Select(g => new { Id = g.Key, Revision = g.Max(d => d.Revision) })
            .ToDictionaryAsync(x => x.Id, x => x.Revision, ct);
        var now = time.GetUtcNow();
        var link = $"{options.Value.StoreBaseUrl.TrimEnd('/')}/incidents/{incident.IncidentId}";
        var payloads = new Dictionary<string, string>();
        string PayloadFor(string type) => payloads.TryGetValue(type, out var p) ? p
            : payloads[type] = JsonSerializer.Serialize(new AlertPayload(type, now, incident, changes ?? [], link), AlertPayload.Json);

        foreach (var candidate in candidates)
        {
            string type;
            if (latest.TryGetValue(candidate.Id, out var known))
            {
                if (known >= incident.Revision || changes is null || !candidate.Filter.WantsRevision(changes)) continue;
                type = Revised;
            }
            else type = candidate.Filter.WantsNewIncidents ? Opened : Revised;
            db.Deliveries.Add(new Data.Delivery
            {
                SubscriptionId = candidate.Id, IncidentId = incident.IncidentId, Revision = incident.Revision,
                EventType = type, Payload = PayloadFor(type), Status = candidate.Digest ? DeliveryStatus.Queued : DeliveryStatus.Pending,
                NextAttemptAt = now, TraceParent = Activity.Current?.Id, CollectedAt = collectedAt, PublishedAt = incident.FirstPublishedAt, CreatedAt = now,
            });
        }
        // A redelivered event finds its deliveries already recorded; a replica racing on the same event
        // hits the unique key, and the retry finds them recorded.
        await db.SaveChangesAsync(ct);
        signal.Notify();
    }
}

public sealed class AlertOnIncidentConsumerDefinition : ConsumerDefinition<AlertOnIncidentConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<AlertOnIncidentConsumer> consumer, IRegistrationContext context)
    {
        endpoint.UseIngestionRetry();
        // Events of one incident one at a time in this process, so an opening and its revision never race.
        var partitioner = endpoint.CreatePartitioner(16);
        consumer.Message<IncidentOpened>(m => m.UsePartitioner(partitioner, c => c.Message.Incident.IncidentId));
        consumer.Message<IncidentRevised>(m => m.UsePartitioner(partitioner, c => c.Message.Incident.IncidentId));
    }
}
