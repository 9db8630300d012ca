using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ingestion.ServiceDefaults.Telemetry;

/// <summary>
/// The one ActivitySource and Meter of the platform. Instrument names are the contract with the
/// Grafana dashboard (deploy/grafana): rename one and a panel goes blank.
/// </summary>
public static class IngestionTelemetry
{
    public const string Name = "Ingestion";
    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    // Seconds, not the SDK's default millisecond buckets: otherwise every latency lands in the first bucket.
    private static readonly InstrumentAdvice<double> FastSeconds = new() { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] };
    private static readonly InstrumentAdvice<double> PipelineSeconds = new() { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600, 21600, 86400] };
    private static int failingFeeds;
    private static IReadOnlyList<QueueDepthReading> queueDepths = [];

    public static readonly Counter<long> FeedsPolled = Meter.CreateCounter<long>("ingestion.feeds.polled", description: "Feed polls by outcome");
    public static readonly Histogram<double> FeedFetchDuration = Meter.CreateHistogram<double>("ingestion.feed.fetch.duration", "s", "Feed fetch time by HTTP status", advice: FastSeconds);
    public static readonly Counter<long> ArticlesCollected = Meter.CreateCounter<long>("ingestion.articles.collected", description: "New feed items");
    public static readonly Counter<long> ArticlesDuplicate = Meter.CreateCounter<long>("ingestion.articles.duplicate", description: "Articles dropped as duplicates, by reason");
    public static readonly Counter<long> ArticlesProcessed = Meter.CreateCounter<long>("ingestion.articles.processed", description: "Articles read and extracted");
    public static readonly Histogram<double> ExtractionDuration = Meter.CreateHistogram<double>("ingestion.extraction.duration", "s", "Incident extraction time per article", advice: FastSeconds);
    public static readonly Counter<long> IncidentsReported = Meter.CreateCounter<long>("ingestion.incidents.reported", description: "Incident mentions extracted");
    public static readonly Counter<long> IncidentsOpened = Meter.CreateCounter<long>("ingestion.incidents.opened", description: "Incidents announced (IncidentOpened events), by kind");
    public static readonly Counter<long> IncidentsRevised = Meter.CreateCounter<long>("ingestion.incidents.revised", description: "Revisions announced (IncidentRevised events), by kind: one per incident per Store batch");
    public static readonly Counter<long> AlertsDelivered = Meter.CreateCounter<long>("ingestion.alerts.delivered", description: "Alert delivery attempts by outcome");
    public static readonly Histogram<double> CollectedToStored = Meter.CreateHistogram<double>("ingestion.latency.collected_to_stored", "s", "Article collected to incident stored", advice: PipelineSeconds);
    public static readonly Histogram<double> CollectedToAlerted = Meter.CreateHistogram<double>("ingestion.latency.collected_to_alerted", "s", "Article collected to alert delivered", advice: PipelineSeconds);
    /// <summary>How late subscribers hear of an incident compared with the outlet that published it.</summary>
    public static readonly Histogram<double> PublishedToAlerted = Meter.CreateHistogram<double>("ingestion.latency.published_to_alerted", "s", "Article published by its outlet to alert delivered", advice: PipelineSeconds);

    /// <summary>Messages waiting per RabbitMQ queue, as last read from the management API (see QueueDepthPoller).</summary>
    public static readonly ObservableGauge<long> QueueDepth = Meter.CreateObservableGauge("ingestion.queue.depth", ObserveQueueDepths, "{message}", "Messages waiting in each RabbitMQ queue, by state (ready, unacknowledged)");

    /// <summary>Feeds whose last poll failed, as last counted by this process's poller.</summary>
    public static readonly ObservableGauge<int> FeedsFailing = Meter.CreateObservableGauge("ingestion.feeds.failing", () => Volatile.Read(ref failingFeeds), description: "Feeds whose last poll failed");

    public static void SetFailingFeeds(int count) => Volatile.Write(ref failingFeeds, count);

    /// <summary>Replaces the queue depths the gauge reports; an empty list reports nothing (broker unreachable: no stale values).</summary>
    public static void SetQueueDepths(IReadOnlyList<QueueDepthReading> readings) => Volatile.Write(ref queueDepths, readings);

    private static IEnumerable<Measurement<long>> ObserveQueueDepths() =>
        Volatile.Read(ref queueDepths).SelectMany(q => new[]
        {
            new Measurement<long>(q.Ready, new KeyValuePair<string, object?>("queue", q.Queue), new KeyValuePair<string, object?>("state", "ready")),
            new Measurement<long>(q.Unacknowledged, new KeyValuePair<string, object?>("queue", q.Queue), new KeyValuePair<string, object?>("state", "unacknowledged")),
        });

    public static void RecordError(this Activity? activity, Exception error)
    {
        activity?.SetStatus(ActivityStatusCode.Error, error.Message);
        activity?.AddException(error);
    }
}

/// <summary>One queue's backlog as the broker's management API reports it.</summary>
public sealed record QueueDepthReading(string Queue, long Ready, long Unacknowledged);
