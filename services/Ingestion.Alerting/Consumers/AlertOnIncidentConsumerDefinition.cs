using Ingestion.Contracts;
using Ingestion.ServiceDefaults.Messaging;
using MassTransit;

namespace Ingestion.Alerting.Consumers;

/// <summary>Events taken at once are recorded together, one commit per batch (see AlertBatcher).</summary>
public sealed class AlertOnIncidentConsumerDefinition() : BatchingConsumerDefinition<AlertOnIncidentConsumer>(AlertBatcher.Capacity)
{
    protected override void ConfigureOrder(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<AlertOnIncidentConsumer> consumer, int capacity)
    {
        // Events of one incident one at a time in this process, in the order they reach the partitioner, so an
        // opening and its revision are decided one after the other. That order is nearly, not strictly, the
        // queue's: the broker client runs deliveries on concurrent handlers, so two events published back to back
        // can swap; the decider then drops the older one (see AlertDecider), so no subscriber gets an old revision
        // after a new one. As many partitions as messages taken at once: fewer would hold back events of unrelated
        // incidents that happen to share a partition, and keep batches small. IncidentsChanged (a Store batch's
        // events, one an incident) is not partitioned: two of them may carry events of one incident, and those are
        // ordered by the decider as above.
        var partitioner = endpoint.CreatePartitioner(capacity);
        consumer.Message<IncidentOpened>(m => m.UsePartitioner(partitioner, c => c.Message.Incident.IncidentId));
        consumer.Message<IncidentRevised>(m => m.UsePartitioner(partitioner, c => c.Message.Incident.IncidentId));
    }
}
