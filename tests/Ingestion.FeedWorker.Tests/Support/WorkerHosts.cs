using System.Collections.Concurrent;
using System.Net.Http.Json;
using Ingestion.Contracts;
using Ingestion.FeedWorker.Api;
using Ingestion.ServiceDefaults;
using Ingestion.ServiceDefaults.Messaging;
using Ingestion.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.FeedWorker.Tests.Support;

/// <summary>FeedWorker hosts as Program.cs composes them, on a real broker vhost and PostgreSQL, polling fast.</summary>
public static class WorkerHosts
{
    public static Dictionary<string, string?> Settings(RabbitMqVirtualHost broker, PostgresTestDatabase database, string userAgent = "feedworker-test") => new()
    {
        ["Bus:Transport"] = "RabbitMq",
        ["ConnectionStrings:RabbitMq"] = broker.ConnectionString,
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Feeds"] = database.ConnectionString,
        ["FeedWorker:Fetcher:AllowPrivateAddresses"] = "true", // the test servers are on loopback
        ["FeedWorker:Fetcher:PerHostMinDelay"] = "00:00:00",
        ["FeedWorker:Fetcher:PerHostConcurrency"] = "16",
        ["FeedWorker:Fetcher:Timeout"] = "00:00:10",
        ["FeedWorker:Fetcher:UserAgent"] = userAgent, // tells the replicas apart in the server's log
        ["FeedWorker:PollInterval"] = "00:00:02",
        ["FeedWorker:MinPollInterval"] = "00:00:01",
        ["FeedWorker:MaxPollInterval"] = "00:00:08",
    };

    /// <summary>Adds feeds as FeedWorker:Feeds:i entries (the inline list loaded at start).</summary>
    public static Dictionary<string, string?> WithFeeds(this Dictionary<string, string?> settings, IEnumerable<(string Url, string Name)> feeds)
    {
        var i = 0;
        foreach (var (url, name) in feeds)
        {
            settings[$"FeedWorker:Feeds:{i}:Url"] = url;
            settings[$"FeedWorker:Feeds:{i++}:Name"] = name;
        }
        return settings;
    }

    /// <param name="subscribers">Further consumers on the bus, standing in for downstream services.</param>
    /// <param name="services">What those consumers need.</param>
    public static Task<ServiceTestHost> StartAsync(Dictionary<string, string?> settings,
        Action<IBusRegistrationConfigurator>? subscribers = null, Action<IServiceCollection>? services = null) =>
        ServiceTestHost.StartAsync(settings, builder =>
        {
            builder.AddServiceDefaults();
            builder.AddFeedWorkerServices();
            builder.Services.AddSingleton<CollectedLog>();
            services?.Invoke(builder.Services);
            builder.AddIngestionBus(FeedWorkerApplication.AddFeedWorkerConsumers, bus => bus.AddConsumer<ArticleCollectedRecorder>(), bus => subscribers?.Invoke(bus));
        },
        app =>
        {
            app.MapDefaultEndpoints();
            app.MapFeedWorkerEndpoints();
        });

    public static CollectedLog Collected(this ServiceTestHost host) => host.App.Services.GetRequiredService<CollectedLog>();

    public static async Task<List<FeedView>> FeedsAsync(this ServiceTestHost host)
    {
        using var client = host.CreateClient();
        return (await client.GetFromJsonAsync<List<FeedView>>("/feeds"))!;
    }
}

/// <summary>Every ArticleCollected this host's recorder consumed (replicas share the recorder's queue, so each message lands in one log).</summary>
public sealed class CollectedLog
{
    public ConcurrentQueue<ArticleCollected> Messages { get; } = new();
}

/// <summary>An extra subscriber on the bus, as a downstream service would be: it sees what FeedWorker published.</summary>
public sealed class ArticleCollectedRecorder(CollectedLog log) : IConsumer<ArticleCollected>
{
    public Task Consume(ConsumeContext<ArticleCollected> context)
    {
        log.Messages.Enqueue(context.Message);
        return Task.CompletedTask;
    }
}
