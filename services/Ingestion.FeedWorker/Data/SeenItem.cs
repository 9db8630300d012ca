namespace Ingestion.FeedWorker.Data;

/// <summary>A feed item already collected: (feed, item key) is unique, so a re-poll publishes nothing twice.</summary>
public sealed class SeenItem
{
    public Guid FeedId { get; set; }
    /// <summary>The item's guid, else its link, else a hash of its title.</summary>
    public required string ItemKey { get; set; }
    public Guid ArticleId { get; set; }
    public DateTimeOffset SeenAt { get; set; }
}
