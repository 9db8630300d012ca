namespace Ingestion.Contracts;

/// <summary>A new item seen in a feed: the article still has to be fetched, deduplicated and read.</summary>
public sealed record ArticleCollected
{
    public required Guid ArticleId { get; init; }
    public required string FeedUrl { get; init; }
    public required string Url { get; init; }
    public string? ItemId { get; init; }
    public string? Title { get; init; }
    public string? Outlet { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    /// <summary>The feed's own summary or full content: the fallback when the page cannot be fetched.</summary>
    public string? FeedContent { get; init; }
    public required DateTimeOffset CollectedAt { get; init; }
}
