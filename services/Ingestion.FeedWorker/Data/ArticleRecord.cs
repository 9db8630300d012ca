namespace Ingestion.FeedWorker.Data;

public enum ArticleStatus { Extracted, Duplicate, Unreadable }

/// <summary>An article read once. A duplicate is kept and linked to its original with the similarity, never silently dropped.</summary>
public sealed class ArticleRecord
{
    public Guid Id { get; set; }
    public required string CanonicalUrl { get; set; }
    public required string Url { get; set; }
    public string? Title { get; set; }
    public required string Source { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public ArticleStatus Status { get; set; }
    public string? ContentHash { get; set; }
    /// <summary>MinHash signature (little-endian ulongs), compared when a band key collides.</summary>
    public byte[]? Signature { get; set; }
    public Guid? DuplicateOf { get; set; }
    public string? DuplicateReason { get; set; }
    public double? Similarity { get; set; }
    public int IncidentCount { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CollectedAt { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}
