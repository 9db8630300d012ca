using Ingestion.Feeds;

namespace Ingestion.FeedWorker;

/// <summary>Section "FeedWorker".</summary>
public sealed class FeedWorkerOptions
{
    public const string Section = "FeedWorker";
    /// <summary>A JSON list of feeds (seeds/feeds.json) added at start when missing.</summary>
    public string? FeedsFile { get; set; }
    /// <summary>Feeds given inline (e.g. the embedded demo's local seed feed), added like those of FeedsFile.</summary>
    public List<FeedSeed> Feeds { get; set; } = [];
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromHours(6);
    /// <summary>How long a claimed feed stays leased to one worker replica: longer than any fetch.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);
    public int FeedsPerRound { get; set; } = 8;
    /// <summary>Near-duplicate threshold on estimated Jaccard similarity of word shingles.</summary>
    public double NearDuplicateThreshold { get; set; } = 0.8;
    public FeedFetcherOptions Fetcher { get; set; } = new();
}

public sealed class FeedSeed
{
    public string Url { get; set; } = "";
    public string? Name { get; set; }
    public string? Country { get; set; }
    public string? Language { get; set; }
}
