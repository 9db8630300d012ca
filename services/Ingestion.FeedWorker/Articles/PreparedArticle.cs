using Ingestion.Contracts;
using Ingestion.Extraction;
using Ingestion.FeedWorker.Data;

namespace Ingestion.FeedWorker.Articles;

/// <summary>
/// An article read and extracted, not yet judged against the articles before it: that decision, and the
/// saving, happen in <see cref="ArticleCommitter"/>. Text is null when neither the page nor the feed had any.
/// </summary>
public sealed record PreparedArticle(
    ArticleCollected Article, string CanonicalUrl, string Source, DateTimeOffset ProcessedAt,
    string? ContentHash, ulong[]? Signature, DateOnly Published, IReadOnlyList<ExtractedIncident> Incidents, string? Error)
{
    public bool IsReadable => ContentHash is not null;

    /// <summary>A fresh row each time: a batch that failed is committed again one article at a time.</summary>
    public ArticleRecord ToRecord() => new()
    {
        Id = Article.ArticleId, CanonicalUrl = CanonicalUrl, Url = Article.Url, Title = Article.Title, Source = Source,
        PublishedAt = Article.PublishedAt, CollectedAt = Article.CollectedAt, ProcessedAt = ProcessedAt,
        ContentHash = ContentHash, Error = Error,
    };
}
