using System.Net.Sockets;
using Ingestion.ServiceDefaults.Messaging;
using Ingestion.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Ingestion.ServiceDefaults.Tests;

/// <summary>The consumer retry every service uses, on a real (in-memory) bus.</summary>
public sealed class RetryDefaultsTests
{
    public sealed record Ping(Guid Id);

    public sealed class FlakyDatabaseConsumer : IConsumer<Ping>
    {
        public static int Attempts;
        public static int FailFirst;
        public static readonly TaskCompletionSource Consumed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Consume(ConsumeContext<Ping> context)
        {
            if (Interlocked.Increment(ref Attempts) <= FailFirst)
                throw new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException(111));
            Consumed.TrySetResult();
            return Task.CompletedTask;
        }
    }

    public sealed class FlakyDatabaseConsumerDefinition : ConsumerDefinition<FlakyDatabaseConsumer>
    {
        protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<FlakyDatabaseConsumer> consumer, IRegistrationContext context) =>
            endpoint.UseIngestionRetry();
    }

    [Fact]
    public async Task A_database_outage_longer_than_the_quick_retries_is_ridden_out_not_dead_lettered()
    {
        // More failures than the general layer would retry (five): the database layer keeps going (1 s, 2 s, 5 s, 10 s...).
        FlakyDatabaseConsumer.FailFirst = 6;
        await using var host = await ServiceTestHost.StartAsync(new Dictionary<string, string?> { ["Bus:Transport"] = "InMemory" },
            builder => builder.AddIngestionBus(bus => bus.AddConsumer<FlakyDatabaseConsumer, FlakyDatabaseConsumerDefinition>()),
            _ => { });
        await host.App.Services.GetRequiredService<IBus>().Publish(new Ping(Guid.NewGuid()));

        var done = await Task.WhenAny(FlakyDatabaseConsumer.Consumed.Task, Task.Delay(TimeSpan.FromSeconds(90)));
        Assert.True(done == FlakyDatabaseConsumer.Consumed.Task, $"not consumed after {FlakyDatabaseConsumer.Attempts} attempts");
        Assert.Equal(7, FlakyDatabaseConsumer.Attempts);
    }
}
