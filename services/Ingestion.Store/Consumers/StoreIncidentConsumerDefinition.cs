using Ingestion.ServiceDefaults.Messaging;
using MassTransit;

namespace Ingestion.Store.Consumers;

public sealed class StoreIncidentConsumerDefinition : ConsumerDefinition<StoreIncidentConsumer>
{
    public StoreIncidentConsumerDefinition()
    {
        // Mentions taken at once are resolved together, one transaction per batch (see MentionBatcher).
        ConcurrentMessageLimit = MentionBatcher.Capacity;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<StoreIncidentConsumer> consumer, IRegistrationContext context)
    {
        endpoint.PrefetchCount = MentionBatcher.Capacity;
        endpoint.UseIngestionRetry();
    }
}
