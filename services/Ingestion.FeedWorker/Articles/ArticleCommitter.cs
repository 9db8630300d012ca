using Ingestion.Contracts;
using Ingestion.FeedWorker.Data;
using Ingestion.ServiceDefaults.Outbox;
using Ingestion.ServiceDefaults.Persistence;
using Ingestion.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.FeedWorker.Articles;

/// <summary>What became of one article, once committed.</summary>
public sealed record ArticleOutcome(ArticleResult Result, int Incidents, string? DuplicateReason = null);

/// <summary>
/// Judges read articles against the ones before them and saves them, with their ArticleIncidentsReported message in
/// the outbox, in batches of whatever is waiting (see <see cref="GroupCommit{TItem,TResult}"/>). The judgement
/// runs under one lock per database: two copies of a story read at the same moment, by one replica or two,
/// cannot both pass as originals.
/// </summary>
public sealed class ArticleCommitter(IServiceScopeFactory scopes, OutboxSignal<FeedsDbContext> outbox, TimeProvider time, ILogger<ArticleCommitter> logger)
    : GroupCommit<PreparedArticle, ArticleOutcome>(logger)
{
    /// <summary>The article consumer reads as many at once (see its definition).</summary>
    public const int Capacity = 64;

    public override int MaxBatch => Capacity;

    protected override async Task<IReadOnlyList<ArticleOutcome>> CommitAsync(IReadOnlyList<Traced<PreparedArticle>> batch, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedsDbContext>();
        var dedupe = scope.ServiceProvider.GetRequiredService<ArticleDeduplicator>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7261002)", ct);

        var verdicts = await dedupe.JudgeAsync(batch.Select(a => a.Value).ToList(), ct);
        var outcomes = new List<ArticleOutcome>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            using var activity = batch[i].StartActivity("dedupe and save");
            activity?.SetTag("article.verdict", verdicts[i].Kind.ToString());
            outcomes.Add(Save(db, dedupe, batch[i].Value, verdicts[i]));
        }
        await dedupe.SaveIndexAsync(ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (outcomes.Any(o => o.Incidents > 0)) outbox.Notify();
        return outcomes;
    }

    private ArticleOutcome Save(FeedsDbContext db, ArticleDeduplicator dedupe, PreparedArticle article, ArticleVerdict verdict)
    {
        // A copy at a known URL is not kept: the URL is the article's identity (and unique in the table).
        if (verdict.Kind is Verdict.AlreadyProcessed) return new ArticleOutcome(ArticleResult.AlreadyProcessed, 0);
        if (verdict.Kind is Verdict.SameUrl) return new ArticleOutcome(ArticleResult.Duplicate, 0, "url");

        var record = article.ToRecord();
        db.Articles.Add(record);
        switch (verdict.Kind)
        {
            case Verdict.Unreadable:
                (record.Status, record.Error) = (ArticleStatus.Unreadable, article.Error ?? "no text");
                return new ArticleOutcome(ArticleResult.Unreadable, 0);
            case Verdict.Duplicate:
                record.Status = ArticleStatus.Duplicate;
                (record.DuplicateOf, record.DuplicateReason, record.Similarity) = (verdict.Copy!.OriginalId, verdict.Copy.Reason, verdict.Copy.Similarity);
                return new ArticleOutcome(ArticleResult.Duplicate, 0, verdict.Copy.Reason);
            default:
                record.Status = ArticleStatus.Extracted;
                record.IncidentCount = article.Incidents.Count;
                dedupe.Index(record, article.Signature!);
                if (article.Incidents.Count > 0)
                    db.Enqueue(new ArticleIncidentsReported
                    {
                        Mentions = [.. article.Incidents.Select((incident, i) => MentionFactory.Create(article.Article, record.Source, article.Published, incident, i))],
                    }, time.GetUtcNow());
                return new ArticleOutcome(ArticleResult.Extracted, article.Incidents.Count);
        }
    }
}
