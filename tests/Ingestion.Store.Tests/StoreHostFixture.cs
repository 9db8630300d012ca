using System.Collections.Concurrent;
using Ingestion.Contracts;
using Ingestion.ServiceDefaults;
using Ingestion.ServiceDefaults.Messaging;
using Ingestion.Store;
using Ingestion.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.Store.Tests;

/// <summary>The Store as its Program.cs builds it, on a real RabbitMQ virtual host and a real PostgreSQL database of its own.</summary>
public sealed class StoreHostFixture : IAsyncLifetime
{
    public RabbitMqVirtualHost Broker { get; private set; } = null!;
    public PostgresTestDatabase Database { get; } = new("store_test");
    public ServiceTestHost Host { get; private set; } = null!;

    /// <summary>Every IncidentOpened/IncidentRevised the Store published, as a subscriber on the broker saw them.</summary>
    public static ConcurrentQueue<object> Published { get; } = new();

    public async Task InitializeAsync()
    {
        Broker = await RabbitMqVirtualHost.CreateAsync("store-test");
        Host = await ServiceTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "RabbitMq",
            ["ConnectionStrings:RabbitMq"] = Broker.ConnectionString,
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Store"] = Database.ConnectionString,
        },
        builder =>
        {
            builder.AddServiceDefaults();
            builder.AddStoreServices();
            builder.AddIngestionBus(StoreApplication.AddStoreConsumers, bus => bus.AddConsumer<EventRecorder>());
        },
        app =>
        {
            app.MapDefaultEndpoints();
            app.MapStoreEndpoints();
        });
    }

    public Task PublishAsync(IncidentReported mention) => Host.App.Services.GetRequiredService<IBus>().Publish(mention);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Broker.DisposeAsync();
        await Database.DisposeAsync();
    }

    public sealed class EventRecorder : IConsumer<IncidentOpened>, IConsumer<IncidentRevised>
    {
        public Task Consume(ConsumeContext<IncidentOpened> context) { Published.Enqueue(context.Message); return Task.CompletedTask; }
        public Task Consume(ConsumeContext<IncidentRevised> context) { Published.Enqueue(context.Message); return Task.CompletedTask; }
    }
}
