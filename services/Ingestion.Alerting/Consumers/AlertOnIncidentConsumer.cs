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

/// <summary>Records one pending delivery per matching subscription; the delivery worker sends them.</summary>
public sealed class AlertOnIncidentConsumer(AlertingDbContext db, DeliverySignal signal, IOptions<AlertingOptions> options, TimeProvider time)
    : IConsumer<IncidentOpened>, IConsumer<IncidentRevised>
{
    public Task Consume(ConsumeContext<IncidentOpened> context) =>
        RecordAsync("incident.opened", context.Message.Incident, [], context.Message.CollectedAt, context.CancellationToken);

    public Task Consume(ConsumeContext<IncidentRevised> context) =>
        RecordAsync("incident.revised", context.Message.Incident, context.Message.Changes, context.Message.CollectedAt, context.CancellationToken);

    private async Task RecordAsync(string eventType, IncidentSnapshot incident, IReadOnlyList<string> changes, DateTimeOffset collectedAt, CancellationToken ct)
    {
        var isRevision = eventType == "incident.revised";
        var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => s.Enabled).ToListAsync(ct);
        var matching = subscriptions.Where(s => SubscriptionFilter.Matches(s, incident, isRevision)).Select(s => s.Id).ToList();
        if (matching.Count == 0) return;

        // A redelivered event finds its deliveries already recorded: the unique key makes it a no-op.
        var known = await db.Deliveries
            .Where(d => d.IncidentId == incident.IncidentId && d.Revision == incident.Revision && matching.Contains(d.SubscriptionId))
            .Select(d => d.SubscriptionId).ToListAsync(ct);
        var now = time.GetUtcNow();
        var payload = JsonSerializer.Serialize(new AlertPayload(eventType, now, incident, changes,
            $"{options.Value.StoreBaseUrl.TrimEnd('/')}/incidents/{incident.IncidentId}"), AlertPayload.Json);
        foreach (var subscriptionId in matching.Except(known))
        {
            db.Deliveries.Add(new Data.Delivery
            {
                SubscriptionId = subscriptionId, IncidentId = incident.IncidentId, Revision = incident.Revision,
                EventType = eventType, Payload = payload, Status = DeliveryStatus.Pending, NextAttemptAt = now,
                TraceParent = Activity.Current?.Id, CollectedAt = collectedAt, CreatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        signal.Notify();
    }
}

public sealed class AlertOnIncidentConsumerDefinition : ConsumerDefinition<AlertOnIncidentConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<AlertOnIncidentConsumer> consumer, IRegistrationContext context) =>
        endpoint.UseIngestionRetry();
}
