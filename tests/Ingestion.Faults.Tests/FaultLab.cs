using Ingestion.Load;
using Ingestion.Testing;
using Ingestion.Testing.Processes;
using Xunit.Abstractions;

namespace Ingestion.Faults.Tests;

/// <summary>
/// Everything one fault scenario runs on, all of it its own: a RabbitMQ node and a PostgreSQL server in a temp
/// folder, the synthetic feed server, the webhook receiver and the platform's processes. Dispose kills every
/// process and deletes the folder, also when the test failed.
/// </summary>
public sealed class FaultLab : IAsyncDisposable
{
    private readonly ITestOutputHelper output;
    private readonly ScratchFolder scratch = new("ingestion-faults-");

    /// <summary>Enough articles that a fault lands mid-run, few enough to keep the assembly within minutes.</summary>
    public const int DefaultArticles = 60;

    /// <summary>
    /// Articles the feeds publish per second in a spread run: 60 take 15 s, whatever the pipeline's speed, so a
    /// fault struck a quarter of the way in lands in the middle of the run.
    /// </summary>
    public const double SpreadRelease = 4;

    private double? releasePerSecond;

    private FaultLab(ITestOutputHelper output, SyntheticCorpus corpus) => (this.output, Corpus) = (output, corpus);

    public SyntheticCorpus Corpus { get; }
    public LocalRabbitMqNode Broker { get; private set; } = null!;
    public LocalPostgresServer Database { get; private set; } = null!;
    public SyntheticFeedServer Feeds { get; private set; } = null!;
    public WebhookReceiver Receiver { get; private set; } = null!;
    public PlatformProcesses Platform { get; private set; } = null!;
    public PipelineProbe Probe { get; private set; } = null!;

    /// <param name="articles">How many synthetic articles the feeds publish.</param>
    /// <param name="releasePerSecond">How many more articles the feeds show each second once the worker starts; null: all at once.</param>
    public static async Task<FaultLab> StartAsync(ITestOutputHelper output, int articles, double? releasePerSecond)
    {
        var lab = new FaultLab(output, SyntheticCorpus.Generate(articles, seed: articles, separateIncidents: true)) { releasePerSecond = releasePerSecond };
        try
        {
            lab.Log("corpus generated");
            lab.Broker = await LocalRabbitMqNode.StartAsync(lab.scratch.Path);
            lab.Log("broker node up");
            lab.Database = await LocalPostgresServer.StartAsync(lab.scratch.Path);
            lab.Log("database server up");
            lab.Feeds = await SyntheticFeedServer.StartAsync(lab.Corpus.Articles.Select(a => a.Page).ToList(), itemsPerFeed: 50);
            lab.Receiver = await WebhookReceiver.StartAsync();
            lab.Platform = new PlatformProcesses(new PlatformSettings(lab.Broker.ConnectionString, lab.Database.Server, "faults", lab.Feeds.FeedUrls))
            {
                // The bus watchdog's limits scaled to a test's patience: a process whose bus stays stuck (an endpoint
                // left stopped, a publishing channel left broken by the crash) is stopped within a minute and
                // restarted by the supervision below, where production waits 5 min and a container restart policy.
                SharedSettings = new Dictionary<string, string?> { ["Bus__UnhealthyAfter"] = "00:00:10", ["Bus__StopAfter"] = "00:00:30" },
            };
            lab.Platform.RestartExitedServices(lab.Log);
            lab.Probe = new PipelineProbe(lab.Platform, lab.Receiver, lab.Broker.ConnectionString);
            lab.Log($"{lab.Corpus.Articles.Count} articles, {lab.Corpus.ExpectedMentions} mentions, {lab.Corpus.ExpectedIncidents} incidents expected");
            return lab;
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    /// <summary>Store and Alerting, a subscription for the receiver, then the FeedWorker (which starts polling at once).</summary>
    public async Task StartPipelineAsync(IReadOnlyDictionary<string, string?>? storeSettings = null, IReadOnlyDictionary<string, string?>? workerSettings = null,
        IReadOnlyDictionary<string, string?>? alertingSettings = null)
    {
        await Task.WhenAll(Platform.StartStoreAsync(storeSettings), Platform.StartAlertingAsync(alertingSettings));
        await Platform.SubscribeAsync(Receiver.Url);
        if (releasePerSecond is { } rate)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Feeds.VisibleArticles = () => Math.Min(Corpus.Articles.Count, 1 + (int)(rate * clock.Elapsed.TotalSeconds));
        }
        await Platform.StartWorkerAsync(workerSettings);
        Log("store, alerting and worker healthy; receiver subscribed");
    }

    public void Log(string line) => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");

    public async ValueTask DisposeAsync()
    {
        if (Platform is not null)
        {
            output.WriteLine(Platform.Diagnostics());
            await Platform.DisposeAsync();
        }
        if (Receiver is not null) await Receiver.DisposeAsync();
        if (Feeds is not null) await Feeds.DisposeAsync();
        if (Broker is not null) await Broker.DisposeAsync();
        if (Database is not null) await Database.DisposeAsync();
        scratch.Dispose();
    }
}
