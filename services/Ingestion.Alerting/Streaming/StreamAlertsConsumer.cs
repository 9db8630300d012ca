using System.Text.Json;
using Ingestion.Alerting.Delivery;
using Ingestion.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Ingestion.Alerting.Streaming;

/// <summary>
/// Feeds this process's stream clients. It listens on a temporary queue of its own (one per process), not
/// the shared alerting queue, so every replica sees every event and its own clients miss nothing; the queue is
/// bound only while clients are connected (<see cref="StreamQueue"/>).
/// </summary>
[ExcludeFromConfigureEndpoints]
public sealed class StreamAlertsConsumer(AlertStream stream, IOptions<AlertingOptions> options, TimeProvider time)
    : IConsumer<IncidentsChanged>, IConsumer<IncidentOpened>, IConsumer<IncidentRevised>
{
    public Task Consume(ConsumeContext<IncidentsChanged> context)
    {
        foreach (var opened in context.Message.Opened) Publish(opened.Incident, null);
        foreach (var revised in context.Message.Revised) Publish(revised.Incident, revised.Changes);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<IncidentOpened> context)
    {
        Publish(context.Message.Incident, null);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<IncidentRevised> context)
    {
        Publish(context.Message.Incident, context.Message.Changes);
        return Task.CompletedTask;
    }

    private void Publish(IncidentSnapshot incident, IReadOnlyList<string>? changes) =>
        stream.Publish(incident, changes, () => JsonSerializer.Serialize(
            new AlertPayload(changes is null ? "incident.opened" : "incident.revised", time.GetUtcNow(), incident, changes ?? [],
                $"{options.Value.StoreBaseUrl.TrimEnd('/')}/incidents/{incident.IncidentId}"), AlertPayload.Json));
}
