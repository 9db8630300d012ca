using System.Diagnostics;
using Ingestion.Contracts;
using Ingestion.Dedupe;
using Ingestion.Extraction;
using Ingestion.ServiceDefaults.Telemetry;

namespace Ingestion.FeedWorker.Articles;

public enum ArticleResult { AlreadyProcessed, Duplicate, Unreadable, Extracted }

/// <summary>
/// Reads one collected article: main text, fingerprints, incident extraction, all of it concurrently with other
/// articles. Whether it copies an earlier article is then decided, and the article row saved with its
/// ArticleIncidentsReported message in one transaction (the outbox), by the <see cref="ArticleCommitter"/>, so nothing
/// is published twice or lost.
/// </summary>
public sealed class ArticleProcessor(ArticleTextReader reader, ArticleDeduplicator dedupe, IncidentExtractor extractor, ArticleCommitter committer, TimeProvider time)
{
    public async Task<ArticleOutcome> ProcessAsync(ArticleCollected article, CancellationToken ct)
    {
        var canonicalUrl = UrlCanonicalizer.TryCanonicalize(article.Url, out var canonical) ? canonical : article.Url;
        // No page is fetched for an article already read or a URL already known.
        switch (await dedupe.KnownAsync(article.ArticleId, canonicalUrl, ct))
        {
            case Verdict.AlreadyProcessed: return new ArticleOutcome(ArticleResult.AlreadyProcessed, 0);
            case Verdict.SameUrl: return Counted(new ArticleOutcome(ArticleResult.Duplicate, 0, "url"), []);
        }

        ArticleText? text;
        using (IngestionTelemetry.Source.StartActivity("read main text")) text = await reader.ReadAsync(article, ct);
        if (text?.CanonicalUrl is { } pageUrl && UrlCanonicalizer.TryCanonicalize(pageUrl, out var pageCanonical)) canonicalUrl = pageCanonical;
        var source = article.Outlet ?? (Uri.TryCreate(article.Url, UriKind.Absolute, out var u) ? u.Host : "unknown");
        var published = MentionFactory.PublicationDay(text?.PublishedAt ?? article.PublishedAt ?? article.CollectedAt);
        var prepared = text is null || text.Text.Length == 0
            ? new PreparedArticle(article, canonicalUrl, source, time.GetUtcNow(), null, null, published, [], text?.FetchError)
            : new PreparedArticle(article, canonicalUrl, source, time.GetUtcNow(), ArticleFingerprint.ContentHash(text.Text),
                ArticleFingerprint.MinHashSignature(text.Text), published, Extract(text.Text, published), text.FetchError);

        return Counted(await committer.SubmitAsync(prepared), prepared.Incidents);
    }

    private IReadOnlyList<ExtractedIncident> Extract(string text, DateOnly published)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = IngestionTelemetry.Source.StartActivity("extract incidents");
        var incidents = extractor.Extract(text, published);
        IngestionTelemetry.ExtractionDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return incidents;
    }

    /// <summary>Metrics once the outcome is committed, so a batch committed again is not counted twice.</summary>
    private static ArticleOutcome Counted(ArticleOutcome outcome, IReadOnlyList<ExtractedIncident> incidents)
    {
        if (outcome.DuplicateReason is { } reason) IngestionTelemetry.ArticlesDuplicate.Add(1, new TagList { { "reason", reason } });
        if (outcome.Result != ArticleResult.Extracted) return outcome;
        foreach (var incident in incidents) IngestionTelemetry.IncidentsReported.Add(1, new TagList { { "kind", incident.Kind } });
        IngestionTelemetry.ArticlesProcessed.Add(1);
        return outcome;
    }
}
