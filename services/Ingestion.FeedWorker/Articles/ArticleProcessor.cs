using System.Diagnostics;
using Ingestion.Contracts;
using Ingestion.Dedupe;
using Ingestion.Extraction;
using Ingestion.FeedWorker.Data;
using Ingestion.ServiceDefaults.Outbox;
using Ingestion.ServiceDefaults.Telemetry;

namespace Ingestion.FeedWorker.Articles;

public enum ArticleResult { AlreadyProcessed, Duplicate, Unreadable, Extracted }

/// <summary>
/// Reads one collected article: main text, duplicate checks, incident extraction. The article row and
/// its IncidentReported messages are saved in one transaction (the outbox), so nothing is published twice or lost.
/// </summary>
public sealed class ArticleProcessor(FeedsDbContext db, ArticleTextReader reader, ArticleDeduplicator dedupe, IncidentExtractor extractor,
    OutboxSignal<FeedsDbContext> outbox, TimeProvider time)
{
    public async Task<(ArticleResult Result, int Incidents)> ProcessAsync(ArticleCollected article, CancellationToken ct)
    {
        if (await db.Articles.FindAsync([article.ArticleId], ct) is not null) return (ArticleResult.AlreadyProcessed, 0);
        var record = NewRecord(article);
        if (await dedupe.SameUrlAsync(record.CanonicalUrl, ct) is { } sameUrl) return Count(ArticleResult.Duplicate, sameUrl.Reason);

        ArticleText? text;
        using (IngestionTelemetry.Source.StartActivity("read main text")) text = await reader.ReadAsync(article, ct);
        if (text?.CanonicalUrl is { } canonical && UrlCanonicalizer.TryCanonicalize(canonical, out var pageCanonical) && pageCanonical != record.CanonicalUrl)
        {
            if (await dedupe.SameUrlAsync(pageCanonical, ct) is not null) return Count(ArticleResult.Duplicate, "url");
            record.CanonicalUrl = pageCanonical;
        }
        if (text is null || text.Text.Length == 0) return await SaveAsync(record, ArticleStatus.Unreadable, text?.FetchError ?? "no text", ArticleResult.Unreadable, ct);

        var signature = ArticleFingerprint.MinHashSignature(text.Text);
        record.ContentHash = ArticleFingerprint.ContentHash(text.Text);
        DuplicateFinding? copy;
        using (IngestionTelemetry.Source.StartActivity("dedupe")) copy = await dedupe.SameTextAsync(record.ContentHash, signature, ct);
        if (copy is not null)
        {
            (record.DuplicateOf, record.DuplicateReason, record.Similarity) = (copy.OriginalId, copy.Reason, copy.Similarity);
            IngestionTelemetry.ArticlesDuplicate.Add(1, new TagList { { "reason", copy.Reason } });
            return await SaveAsync(record, ArticleStatus.Duplicate, null, ArticleResult.Duplicate, ct);
        }

        var published = MentionFactory.PublicationDay(text.PublishedAt ?? article.PublishedAt ?? article.CollectedAt);
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<ExtractedIncident> incidents;
        using (IngestionTelemetry.Source.StartActivity("extract incidents")) incidents = extractor.Extract(text.Text, published);
        IngestionTelemetry.ExtractionDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);

        dedupe.Index(record, signature);
        for (var i = 0; i < incidents.Count; i++)
        {
            db.Enqueue(MentionFactory.Create(article, record.Source, published, incidents[i], i), time.GetUtcNow());
            IngestionTelemetry.IncidentsReported.Add(1, new TagList { { "kind", incidents[i].Kind } });
        }
        record.IncidentCount = incidents.Count;
        var result = await SaveAsync(record, ArticleStatus.Extracted, text.FetchError, ArticleResult.Extracted, ct);
        if (incidents.Count > 0) outbox.Notify();
        IngestionTelemetry.ArticlesProcessed.Add(1);
        return (result.Result, incidents.Count);
    }

    private ArticleRecord NewRecord(ArticleCollected article) => new()
    {
        Id = article.ArticleId,
        CanonicalUrl = UrlCanonicalizer.TryCanonicalize(article.Url, out var canonical) ? canonical : article.Url,
        Url = article.Url, Title = article.Title,
        Source = article.Outlet ?? (Uri.TryCreate(article.Url, UriKind.Absolute, out var u) ? u.Host : "unknown"),
        PublishedAt = article.PublishedAt, CollectedAt = article.CollectedAt, ProcessedAt = time.GetUtcNow(),
    };

    private async Task<(ArticleResult Result, int Incidents)> SaveAsync(ArticleRecord record, ArticleStatus status, string? error, ArticleResult result, CancellationToken ct)
    {
        record.Status = status;
        record.Error = error;
        db.Articles.Add(record);
        await db.SaveChangesAsync(ct);
        return (result, record.IncidentCount);
    }

    private static (ArticleResult, int) Count(ArticleResult result, string reason)
    {
        IngestionTelemetry.ArticlesDuplicate.Add(1, new TagList { { "reason", reason } });
        return (result, 0);
    }
}
