using System.Diagnostics;
using Ingestion.Testing;
using Ingestion.Testing.Processes;
using Npgsql;

namespace Ingestion.Load;

/// <summary>
/// One measured run: N synthetic articles served by a local feed server, read by FeedWorker replicas, stored
/// and alerted by the Store and Alerting, all real processes on the shared RabbitMQ (a vhost of its own) and
/// PostgreSQL (databases of their own), which are removed afterwards.
/// </summary>
public static class LoadRun
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(90);

    public static async Task<int> RunAsync(LoadOptions options)
    {
        var clock = Stopwatch.StartNew();
        var corpus = SyntheticCorpus.Generate(options.Warmup + options.Articles, options.Seed, options.SeparateIncidents, articlesPerDay: options.PerDay);
        Console.WriteLine($"generated {options.Warmup} warm-up and {options.Articles} measured articles ({corpus.ExpectedMentions} mentions, {corpus.ExpectedIncidents} incidents by the resolver) in {clock.Elapsed.TotalSeconds:0.0} s");

        await using var vhost = await RabbitMqVirtualHost.CreateAsync("load");
        var baselines = new Baselines(
            await BrokerBaseline.MeasureAsync(vhost.ConnectionString, messages: 20_000),
            await MassTransitBaseline.MeasureAsync(vhost.ConnectionString, messages: 20_000));
        Console.WriteLine($"raw broker (RabbitMQ.Client, persistent, confirmed, 1.5 KB): {baselines.RawBroker}, publish -> consume");
        Console.WriteLine($"MassTransit (the services' bus setup, an empty consumer, 1.5 KB): {baselines.MassTransit}, publish -> consume");

        var prefix = $"load_{Guid.NewGuid():N}"[..17];
        await using var feeds = await SyntheticFeedServer.StartAsync(corpus.Articles.Select(a => a.Page).ToList(), options.ItemsPerFeed, options.Feeds);
        feeds.VisibleArticles = () => options.Warmup;
        await using var receiver = await TimedReceiver.StartAsync();
        await using var otlp = options.Otlp ? await OtlpSink.StartAsync() : null;
        // The services log at the levels they ship with (each article and mention at Information), not the
        // quieter levels the tests start them with: what is measured is what an operator runs.
        var shared = ServiceProcess.QuietLogLevels.Keys.ToDictionary(key => key, string? (_) => null);
        if (otlp is not null)
            foreach (var (key, value) in otlp.ServiceSettings(options.SampleRatio)) shared[key] = value;
        var platform = new PlatformProcesses(new PlatformSettings(vhost.ConnectionString, TestInfrastructure.PostgresServer, prefix, feeds.FeedUrls))
        {
            SharedSettings = shared,
        };
        try
        {
            await Task.WhenAll(platform.StartStoreAsync(), platform.StartAlertingAsync());
            await platform.SubscribeAsync(receiver.Url);
            await platform.StartWorkerAsync(); // the first one adds the feeds; the others find them
            await Task.WhenAll(Enumerable.Range(1, options.Workers - 1).Select(_ => platform.StartWorkerAsync()));
            Console.WriteLine($"{options.Workers} worker(s), store and alerting running; {feeds.FeedUrls.Count} feeds of {options.ItemsPerFeed} items");
            await WaitForQuietAsync(platform, receiver, corpus.Articles.Take(options.Warmup).Sum(a => a.Incidents.Count));
            Console.WriteLine($"warm-up: {options.Warmup} articles through the platform; measuring the next {options.Articles}");

            // The broker's statistics lag by up to 5 seconds: counted when nothing has been published for longer.
            await Task.Delay(TimeSpan.FromSeconds(6));
            var messagesBefore = await vhost.MessageCountsAsync();
            var measuredFrom = DateTimeOffset.UtcNow;
            var cpuAtStart = CpuSnapshot.Take(platform);
            var exportedAtStart = otlp?.Received.ToDictionary();
            var itemsAtStart = otlp?.Items.ToDictionary();
            var started = Stopwatch.StartNew();
            feeds.VisibleArticles = options.Rate is { } rate
                ? () => options.Warmup + (int)Math.Min(options.Articles, rate * started.Elapsed.TotalSeconds)
                : () => options.Warmup + options.Articles;
            string? memoryDrift = null;
            await using (var memory = MemorySampler.StartIf(platform, options.MemoryEvery))
            {
                await WaitForQuietAsync(platform, receiver, corpus.ExpectedMentions);
                memoryDrift = memory?.Drift();
            }
            var cpu = CpuSnapshot.PerArticle(cpuAtStart, CpuSnapshot.Take(platform), options.Articles);
            var exported = otlp?.PerArticle(exportedAtStart!, options.Articles);
            if (otlp is not null)
                exported += "\n                     per article:\n                     " +
                            string.Join("\n                     ", otlp.ItemsPerArticle(itemsAtStart!, options.Articles));
            await Task.Delay(TimeSpan.FromSeconds(6));
            var messagesAfter = await vhost.MessageCountsAsync();
            var perArticle = baselines with
            {
                MessagesPerArticle = (double)(messagesAfter.Published - messagesBefore.Published) / options.Articles,
                DeliveriesPerArticle = (double)(messagesAfter.Delivered - messagesBefore.Delivered) / options.Articles,
            };
            await Report.PrintAsync(platform, receiver, corpus, options, measuredFrom, perArticle, cpu, memoryDrift, exported);
            return 0;
        }
        catch (Exception error)
        {
            Console.Error.WriteLine(error.Message);
            Console.Error.WriteLine(platform.Diagnostics());
            return 1;
        }
        finally
        {
            await platform.DisposeAsync();
            await DropDatabasesAsync(prefix);
        }
    }

    /// <summary>Until the expected mentions are stored and every live incident's opening alerted, or nothing moved for a while.</summary>
    private static async Task WaitForQuietAsync(PlatformProcesses platform, TimedReceiver receiver, int expectedMentions)
    {
        var store = platform.DatabaseOf("Store");
        long last = -1;
        var lastChange = Stopwatch.StartNew();
        while (lastChange.Elapsed < Stall)
        {
            await Task.Delay(1000);
            var mentions = await TryCountAsync(store, InsertedRows("Mentions"));
            var incidents = await TryCountAsync(store, InsertedRows("Incidents"));
            var alerts = receiver.Arrivals.Count;
            var progress = mentions + alerts;
            if (progress != last) (last, lastChange) = (progress, Stopwatch.StartNew());
            Console.Write($"\r  stored {mentions}/{expectedMentions} mentions, {incidents} incidents, {alerts} alerts   ");
            // An incident a Store batch opened and merged into another is never announced, so the live ones are counted.
            if (mentions >= expectedMentions
                && await TryCountAsync(store, "SELECT count(*) FROM \"Mentions\"") >= expectedMentions
                && receiver.Arrivals.Count(a => a.Type == "incident.opened") >= await TryCountAsync(store, "SELECT count(*) FROM \"Incidents\" WHERE \"MergedInto\" IS NULL")) break;
        }
        Console.WriteLine();
    }

    /// <summary>
    /// Rows inserted into the table, from the database's statistics (rolled-back ones too, and up to a few seconds late):
    /// free, where count(*) over a soak's 300,000 mentions cost the database 60 ms of CPU every second. Exact counts are
    /// taken only once these say the run may be done.
    /// </summary>
    private static string InsertedRows(string table) => $"SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables WHERE relname = '{table}'";

    private static async Task<long> TryCountAsync(string database, string sql)
    {
        try { return await LoadReport.ScalarAsync(database, sql); }
        catch (NpgsqlException) { return 0; } // the database or table is not created yet
    }

    private static async Task DropDatabasesAsync(string prefix)
    {
        foreach (var service in new[] { "feeds", "store", "alerting" }) await PostgresTestDatabase.DropAsync($"{prefix}_{service}");
    }
}
