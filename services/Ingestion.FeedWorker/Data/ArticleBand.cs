namespace Ingestion.FeedWorker.Data;

/// <summary>One LSH band key of an original article: articles sharing a key are near-duplicate candidates.</summary>
public sealed class ArticleBand
{
    public required string BandKey { get; set; }
    public Guid ArticleId { get; set; }
}
