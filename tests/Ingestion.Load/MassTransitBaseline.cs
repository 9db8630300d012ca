using Ingestion.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ingestion.Load;

/// <summary>
/// The second reference: MassTransit as the services set it up (<see cref="BusRegistration.AddIngestionBus"/>:
/// publisher confirms, their prefetch, a consumer resolved from a scope per message) carrying messages of an
/// article's size to a consumer that does nothing, on the same broker and in the same run as the pipeline. Against
/// the raw broker it gives the framework's own cost a message; times the messages an article takes, it is the part
/// of the pipeline's CPU that no work of ours on the services can remove.
/// </summary>
public static class MassTransitBaseline
{
    public sealed record BaselineMessage(string Body);

    private sealed class Arrivals
    {
        private int count;
        private TaskCompletionSource done = null!; // each Expect makes its own
        private int expected;

        public Task Expect(int messages)
        {
            (count, expected, done) = (0, messages, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            return done.Task;
        }

        public void Arrived()
        {
            if (Interlocked.Increment(ref count) == expected) done.TrySetResult();
        }
    }

    private sealed class BaselineConsumer(Arrivals arrivals) : IConsumer<BaselineMessage>
    {
        public Task Consume(ConsumeContext<BaselineMessage> context)
        {
            arrivals.Arrived();
            return Task.CompletedTask;
        }
    }

    public static async Task<MessagingBaseline> MeasureAsync(string amqpUri, int messages, int payloadBytes = 1500)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:RabbitMq"] = amqpUri });
        var arrivals = new Arrivals();
        builder.Services.AddSingleton(arrivals);
        builder.AddIngestionBus(bus => bus.AddConsumer<BaselineConsumer>());
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var bus = host.Services.GetRequiredService<IBus>();
            var message = new BaselineMessage(new string('x', payloadBytes));
            async Task SendAsync(int count)
            {
                var all = arrivals.Expect(count);
                await MessagingBaseline.PublishInWindowsAsync(count, () => bus.Publish(message));
                await all.WaitAsync(TimeSpan.FromMinutes(5));
            }
            await SendAsync(Math.Min(messages, 5_000)); // warm-up: the JIT compiles MassTransit's pipeline first
            return await MessagingBaseline.MeasureAsync(messages, () => SendAsync(messages));
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
