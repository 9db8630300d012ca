using Ingestion.Alerting;
using Ingestion.FeedWorker;
using Ingestion.ServiceDefaults;
using Ingestion.ServiceDefaults.Messaging;
using Ingestion.Store;
using Ingestion.Testing;
using Microsoft.AspNetCore.Builder;

namespace Ingestion.EndToEnd.Tests;

/// <summary>The platform as it runs for users: three hosts on RabbitMQ and PostgreSQL, or one embedded host.</summary>
public sealed class PipelineHosts : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key-9f2c";
    private readonly List<IAsyncDisposable> owned = [];

    public Uri FeedWorker { get; private set; } = null!;
    public Uri Store { get; private set; } = null!;
    public Uri Alerting { get; private set; } = null!;

    private static Dictionary<string, string?> ServiceSettings() => new()
    {
        ["FeedWorker:Fetcher:AllowPrivateAddresses"] = "true", // the seed server is on loopback
        ["FeedWorker:Fetcher:PerHostMinDelay"] = "00:00:00",
        ["FeedWorker:Fetcher:PerHostConcurrency"] = "8",
        ["Alerting:AdminApiKey"] = AdminKey,
        ["Alerting:AllowPrivateWebhooks"] = "true", // the receiver is on loopback
    };

    /// <summary>FeedWorker, Store and Alerting as separate hosts, each with its own database, over one broker.</summary>
    public static async Task<PipelineHosts> StartSeparateAsync()
    {
        var hosts = new PipelineHosts();
        var broker = await RabbitMqVirtualHost.CreateAsync("e2e");
        hosts.owned.Add(broker);
        Dictionary<string, string?> With(string name, PostgresTestDatabase db)
        {
            hosts.owned.Add(db);
            var settings = ServiceSettings();
            settings["Bus:Transport"] = "RabbitMq";
            settings["ConnectionStrings:RabbitMq"] = broker.ConnectionString;
            settings["Database:Provider"] = "Postgres";
            settings[$"ConnectionStrings:{name}"] = db.ConnectionString;
            return settings;
        }
        var store = await hosts.StartAsync(With("Store", new PostgresTestDatabase("e2e_store")), b => { b.AddStoreServices(); b.AddIngestionBus(StoreApplication.AddStoreConsumers); }, a => a.MapStoreEndpoints());
        var alertingSettings = With("Alerting", new PostgresTestDatabase("e2e_alerting"));
        alertingSettings["Alerting:StoreBaseUrl"] = store.ToString();
        var alerting = await hosts.StartAsync(alertingSettings, b => { b.AddAlertingServices(); b.AddIngestionBus(AlertingApplication.AddAlertingConsumers); }, a => a.MapAlertingEndpoints());
        var feeds = await hosts.StartAsync(With("Feeds", new PostgresTestDatabase("e2e_feeds")), b => { b.AddFeedWorkerServices(); b.AddIngestionBus(FeedWorkerApplication.AddFeedWorkerConsumers); }, a => a.MapFeedWorkerEndpoints());
        (hosts.FeedWorker, hosts.Store, hosts.Alerting) = (feeds, store, alerting);
        return hosts;
    }

    /// <summary>The embedded default: the three services in one host on the in-memory bus and SQLite files.</summary>
    public static async Task<PipelineHosts> StartEmbeddedAsync(string dataFolder)
    {
        var hosts = new PipelineHosts();
        var settings = ServiceSettings();
        settings["Bus:Transport"] = "InMemory";
        settings["Database:Provider"] = "Sqlite";
        foreach (var name in new[] { "Feeds", "Store", "Alerting" }) settings[$"ConnectionStrings:{name}"] = $"Data Source={Path.Combine(dataFolder, name + ".db")}";
        var url = await hosts.StartAsync(settings, b =>
        {
            b.AddFeedWorkerServices();
            b.AddStoreServices();
            b.AddAlertingServices();
            b.AddIngestionBus(FeedWorkerApplication.AddFeedWorkerConsumers, StoreApplication.AddStoreConsumers, AlertingApplication.AddAlertingConsumers);
        }, a => { a.MapFeedWorkerEndpoints(); a.MapStoreEndpoints(); a.MapAlertingEndpoints(); });
        (hosts.FeedWorker, hosts.Store, hosts.Alerting) = (url, url, url);
        return hosts;
    }

    private async Task<Uri> StartAsync(Dictionary<string, string?> settings, Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        var host = await ServiceTestHost.StartAsync(settings, b => { b.AddServiceDefaults(); configure(b); }, a => { a.MapDefaultEndpoints(); map(a); });
        owned.Insert(0, host); // hosts stop before the broker and databases they use
        return host.BaseAddress;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var resource in owned) await resource.DisposeAsync();
    }
}
