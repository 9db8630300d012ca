using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Ingestion.Load;

/// <summary>
/// The reference: RabbitMQ.Client alone moving persistent, publisher-confirmed messages of an article's size
/// through one durable queue to an acknowledging consumer, on the same broker and in the same run as the pipeline.
/// Whatever the pipeline loses against it is the platform's own cost, not the broker's.
/// </summary>
public static class BrokerBaseline
{
    public static async Task<MessagingBaseline> MeasureAsync(string amqpUri, int messages, int payloadBytes = 1500)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var publisher = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await using var consumerChannel = await connection.CreateChannelAsync();
        var queue = $"baseline-{Guid.NewGuid():N}";
        await publisher.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await consumerChannel.BasicQosAsync(0, 64, false);

        var received = 0;
        var done = new TaskCompletionSource();
        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            await consumerChannel.BasicAckAsync(delivery.DeliveryTag, false);
            if (Interlocked.Increment(ref received) == messages) done.TrySetResult();
        };
        await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer);

        var body = new byte[payloadBytes];
        var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };
        var measured = await MessagingBaseline.MeasureAsync(messages, async () =>
        {
            await MessagingBaseline.PublishInWindowsAsync(messages, () => publisher.BasicPublishAsync("", queue, mandatory: false, properties, body).AsTask());
            await done.Task.WaitAsync(TimeSpan.FromMinutes(5));
        });
        await publisher.QueueDeleteAsync(queue);
        return measured;
    }
}
