using MassTransit;

namespace Ingestion.ServiceDefaults.Messaging;

/// <summary>
/// A consumer whose messages are committed in batches (see <see cref="Persistence.GroupCommit{TItem,TResult}"/>): it
/// takes as many messages at once as a batch holds, so that batches can form, with the platform's retries and error queue.
/// </summary>
public abstract class BatchingConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer> where TConsumer : class, IConsumer
{
    private readonly int capacity;

    protected BatchingConsumerDefinition(int capacity)
    {
        this.capacity = capacity;
        ConcurrentMessageLimit = capacity;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<TConsumer> consumer, IRegistrationContext context)
    {
        endpoint.PrefetchCount = capacity;
        endpoint.UseIngestionRetry();
        ConfigureOrder(endpoint, consumer, capacity);
    }

    /// <summary>Where the consumer needs messages of one key handled in order (a partitioner); nothing by default.</summary>
    protected virtual void ConfigureOrder(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<TConsumer> consumer, int capacity) { }
}
