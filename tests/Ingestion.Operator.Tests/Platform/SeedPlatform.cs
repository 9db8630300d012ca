using System.Net.Http.Json;
using Ingestion.Contracts;
using Ingestion.EndToEnd.Tests;
using Ingestion.FeedWorker;
using Ingestion.ServiceDefaults;
using Ingestion.ServiceDefaults.Messaging;
using Ingestion.Store;
using Ingestion.Testing;
using Microsoft.AspNetCore.Builder;

namespace Ingestion.Operator.Tests.Platform;

/// <summary>
/// The FeedWorker and the Store embedded in one host (in-memory bus, SQLite), having read the seed feed from a
/// local HTTP server: real incidents with Arabic evidence for the pages and exports. Started once for all tests.
/// </summary>
public sealed class SeedPlatform : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private readonly string dataFolder = Directory.CreateTempSubdirectory("ingestion-operator").FullName;
    private StaticFileServer seeds = null!;

    public ServiceTestHost Host { get; private set; } = null!;
    public IReadOnlyList<IncidentSnapshot> Incidents { get; private set; } = [];
    public HttpClient Client => Host.CreateClient();

    public async Task InitializeAsync()
    {
        seeds = await StaticFileServer.StartAsync(TestInfrastructure.SeedsDirectory);
        Host = await StartAsync(dataFolder, withFeedWorker: true);
        // The FeedWorker runs in this same host, as in the all-in-one host; its address is known only now.
        // The options are bound on first use, which comes after this.
        Host.App.Configuration["Store:FeedWorkerUrl"] = Host.BaseAddress.ToString();

        using var http = Client;
        (await http.PostAsJsonAsync("/feeds", new { url = $"{seeds.BaseUrl}/seed-feed.xml", name = "Seed feed" })).EnsureSuccessStatusCode();
        var expected = ExpectedIncidents.CountInSeeds();
        Incidents = await Eventually.ReturnsAsync(async () => (await http.GetFromJsonAsync<List<IncidentSnapshot>>("/incidents?limit=500"))!,
            list => list.Count >= expected && list.Sum(i => i.ArticleCount) > list.Count, Timeout, $"{expected} incidents from the seed feed");
    }

    /// <summary>A host with the Store (and optionally the FeedWorker) on SQLite in the given folder.</summary>
    public static Task<ServiceTestHost> StartAsync(string folder, bool withFeedWorker, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "InMemory",
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Feeds"] = $"Data Source={Path.Combine(folder, "feeds.db")}",
            ["ConnectionStrings:Store"] = $"Data Source={Path.Combine(folder, "store.db")}",
            ["FeedWorker:Fetcher:AllowPrivateAddresses"] = "true", // the seed server is on loopback
            ["FeedWorker:Fetcher:PerHostMinDelay"] = "00:00:00",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return ServiceTestHost.StartAsync(settings, b =>
        {
            b.AddServiceDefaults();
            b.AddStoreServices();
            if (withFeedWorker)
            {
                b.AddFeedWorkerServices();
                b.AddIngestionBus(FeedWorkerApplication.AddFeedWorkerConsumers, StoreApplication.AddStoreConsumers);
            }
            else b.AddIngestionBus(StoreApplication.AddStoreConsumers);
        }, a =>
        {
            a.MapDefaultEndpoints();
            a.MapStoreEndpoints();
            if (withFeedWorker) a.MapFeedWorkerEndpoints();
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await seeds.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataFolder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class SeedPlatformCollection : ICollectionFixture<SeedPlatform>
{
    public const string Name = "seed platform";
}
