namespace Ingestion.Feeds;

/// <summary>The article behind a feed item: its main text (paragraphs separated by blank lines) and metadata.</summary>
public sealed record ArticlePage(string? Title, string MainText, string? CanonicalUrl, DateTimeOffset? PublishedAt);
