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
public class StoreHostFixture : IAsyncLifetime
{
    private readonly string name;
    private readonly IReadOnlyDictionary<string, string?> settings;

    public StoreHostFixture() : this("store_test", new Dictionary<string, string?>()) { }

    /// <param name="name">Names the database and the virtual host.</param>
    /// <param name="settings">Configuration on top of the broker and database.</param>
    protected StoreHostFixture(string name, IReadOnlyDictionary<string, string?> settings) =>
        (this.name, this.settings, Database) = (name, settings, new PostgresTestDatabase(name));

    public RabbitMqVirtualHost Broker { get; private set; } = null!;
    public PostgresTestDatabase Database { get; }
    public ServiceTestHost Host { get; private set; } = null!;

    /// <summary>Every IncidentOpened/IncidentRevised the Store published, as a subscriber on the broker saw them (in IncidentsChanged).</summary>
    public static ConcurrentQueue<object> Published { get; } = new();

    public async Task InitializeAsync()
    {
        Broker = await RabbitMqVirtualHost.CreateAsync(name.Replace('_', '-'));
        var configuration = new Dictionary<string, string?>(settings)
        {
            ["Bus:Transport"] = "RabbitMq",
            ["ConnectionStrings:RabbitMq"] = Broker.ConnectionString,
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Store"] = Database.ConnectionString,
        };
        Host = await ServiceTestHost.StartAsync(configuration,
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

    /// <summary>An article's mentions in one message, as the FeedWorker reports them.</summary>
    public Task PublishAsync(ArticleIncidentsReported article) => Host.App.Services.GetRequiredService<IBus>().Publish(article);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Broker.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Takes each batch's events apart: openings first, then revisions.</summary>
    public sealed class EventRecorder : IConsumer<IncidentsChanged>
    {
        public Task Consume(ConsumeContext<IncidentsChanged> context)
        {
            foreach (var opened in context.Message.Opened) Published.Enqueue(opened);
            foreach (var revised in context.Message.Revised) Published.Enqueue(revised);
            return Task.CompletedTask;
        }
    }
}
