using Ingestion.Contracts;
using Ingestion.ServiceDefaults.Messaging;
using MassTransit;

namespace Ingestion.Alerting.Consumers;

public sealed class AlertOnIncidentConsumerDefinition : ConsumerDefinition<AlertOnIncidentConsumer>
{
    public AlertOnIncidentConsumerDefinition()
    {
        // Events taken at once are recorded together, one commit per batch (see AlertBatcher).
        ConcurrentMessageLimit = AlertBatcher.Capacity;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<AlertOnIncidentConsumer> consumer, IRegistrationContext context)
    {
        endpoint.PrefetchCount = AlertBatcher.Capacity;
        endpoint.UseIngestionRetry();
        // Events of one incident one at a time in this process, in the order they arrive, so an opening and its
        // revision are decided in that order. As many partitions as messages taken at once: fewer would hold
        // back events of unrelated incidents that happen to share a partition, and keep batches small.
        var partitioner = endpoint.CreatePartitioner(AlertBatcher.Capacity);
        consumer.Message<IncidentOpened>(m => m.UsePartitioner(partitioner, c => c.Message.Incident.IncidentId));
        consumer.Message<IncidentRevised>(m => m.UsePartitioner(partitioner, c => c.Message.Incident.IncidentId));
    }
}
