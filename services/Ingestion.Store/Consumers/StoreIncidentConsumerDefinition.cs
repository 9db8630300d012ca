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
        // Transient database trouble is retried in place; what still fails lands in the _error queue with the exception.
        endpoint.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500)));
    }
}
