using Ingestion.ServiceDefaults.Messaging;
using MassTransit;

namespace Ingestion.Store.Consumers;

public sealed class StoreIncidentConsumerDefinition : ConsumerDefinition<StoreIncidentConsumer>
{
    public StoreIncidentConsumerDefinition()
    {
        // Resolution is serialised per database anyway (see EfIncidentStore); more would only wait on the lock.
        ConcurrentMessageLimit = 1;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<StoreIncidentConsumer> consumer, IRegistrationContext context)
    {
        endpoint.UseIngestionRetry();
    }
}
