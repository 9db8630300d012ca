using System.Runtime.InteropServices;
using Ingestion.Dedupe;
using Ingestion.FeedWorker.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Ingestion.FeedWorker.Articles;

public sealed record DuplicateFinding(Guid OriginalId, string Reason, double Similarity);

public enum Verdict { AlreadyProcessed, SameUrl, Unreadable, Duplicate, Original }

public sealed record ArticleVerdict(Verdict Kind, DuplicateFinding? Copy = null);

/// <summary>
/// Finds an earlier article this one repeats: the same canonical URL, the same normalised text, or a
/// near-duplicate (syndicated or lightly edited copy) through MinHash band keys stored in the database.
/// </summary>
public sealed class ArticleDeduplicator(FeedsDbContext db, IOptions<FeedWorkerOptions> options)
{
    /// <summary>Most stored articles a new one is compared with, when its band keys collide with many.</summary>
    private const int MaxCandidates = 50;

    /// <summary>Read-only check before anything is fetched: the article already read, or another at its URL.</summary>
    public async Task<Verdict?> KnownAsync(Guid articleId, string canonicalUrl, CancellationToken ct)
    {
        // Not an EF.CompileAsyncQuery: a compiled query keeps the first provider it ran on for the whole process, and
        // the tests run PostgreSQL and then SQLite (embedded mode) in one process.
        var known = await db.Articles.Where(a => a.Id == articleId || a.CanonicalUrl == canonicalUrl).Select(a => a.Id).FirstOrDefaultAsync(ct);
        return known == Guid.Empty ? null : known == articleId ? Verdict.AlreadyProcessed : Verdict.SameUrl;
    }

    /// <summary>
    /// Judges a batch in order: each article against the stored ones and those before it in the batch, so two
    /// copies read at the same moment are told apart too. Five queries for the whole batch.
    /// </summary>
    public async Task<IReadOnlyList<ArticleVerdict>> JudgeAsync(IReadOnlyList<PreparedArticle> batch, CancellationToken ct)
    {
        var ids = batch.Select(a => a.Article.ArticleId).ToList();
        var processed = (await db.Articles.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        var urls = batch.Select(a => a.CanonicalUrl).Distinct().ToList();
        var byUrl = await db.Articles.Where(a => urls.Contains(a.CanonicalUrl)).ToDictionaryAsync(a => a.CanonicalUrl, a => a.Id, ct);
        var hashes = batch.Where(a => a.IsReadable).Select(a => a.ContentHash!).Distinct().ToList();
        var byHash = (await db.Articles.Where(a => hashes.Contains(a.ContentHash!) && a.Status == ArticleStatus.Extracted)
            .Select(a => new { a.ContentHash, a.Id }).ToListAsync(ct)).DistinctBy(a => a.ContentHash).ToDictionary(a => a.ContentHash!, a => a.Id);
        var stored = await StoredCandidatesAsync(batch, ct);

        var verdicts = new List<ArticleVerdict>(batch.Count);
        var originals = new List<(Guid Id, ulong[] Signature)>();
        foreach (var article in batch)
        {
            var id = article.Article.ArticleId;
            if (!processed.Add(id)) { verdicts.Add(new ArticleVerdict(Verdict.AlreadyProcessed)); continue; }
            if (!byUrl.TryAdd(article.CanonicalUrl, id)) { verdicts.Add(new ArticleVerdict(Verdict.SameUrl, new DuplicateFinding(byUrl[article.CanonicalUrl], "url", 1.0))); continue; }
            if (!article.IsReadable) { verdicts.Add(new ArticleVerdict(Verdict.Unreadable)); continue; }
            if (byHash.TryGetValue(article.ContentHash!, out var same)) { verdicts.Add(new ArticleVerdict(Verdict.Duplicate, new DuplicateFinding(same, "hash", 1.0))); continue; }
            if (Nearest(article.Signature!, stored.GetValueOrDefault(id, []).Concat(originals)) is { } near)
            {
                verdicts.Add(new ArticleVerdict(Verdict.Duplicate, near));
                continue;
            }
            byHash[article.ContentHash!] = id;
            if (!ArticleFingerprint.IsEmpty(article.Signature!)) originals.Add((id, article.Signature!));
            verdicts.Add(new ArticleVerdict(Verdict.Original));
        }
        return verdicts;
    }

    /// <summary>Indexes an original article so later copies find it, once <see cref="SaveIndexAsync"/> has written its band keys.</summary>
    public void Index(ArticleRecord article, ulong[] signature)
    {
        article.Signature = MemoryMarshal.AsBytes(signature.AsSpan()).ToArray();
        foreach (var key in ArticleFingerprint.LshBandKeys(signature).Distinct()) unsavedKeys.Add((key, article.Id));
    }

    private readonly List<(string Key, Guid ArticleId)> unsavedKeys = [];

    /// <summary>
    /// Writes the band keys of the articles indexed since the last call, in the caller's transaction. On PostgreSQL
    /// that is one statement for them all: through EF Core each key was an INSERT of its own, sixteen an article and
    /// the largest share of the FeedWorker's statements.
    /// </summary>
    public async Task SaveIndexAsync(CancellationToken ct)
    {
        if (unsavedKeys.Count == 0) return;
        if (db.IsPostgres)
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "ArticleBands" ("BandKey", "ArticleId") SELECT * FROM unnest(@keys, @articles)""",
                [new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = unsavedKeys.Select(k => k.Key).ToArray() },
                 new NpgsqlParameter("articles", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = unsavedKeys.Select(k => k.ArticleId).ToArray() }], ct);
        else
            db.ArticleBands.AddRange(unsavedKeys.Select(k => new ArticleBand { BandKey = k.Key, ArticleId = k.ArticleId }));
        unsavedKeys.Clear();
    }

    private DuplicateFinding? Nearest(ulong[] signature, IEnumerable<(Guid Id, ulong[] Signature)> candidates)
    {
        if (ArticleFingerprint.IsEmpty(signature)) return null;
        var best = candidates.Select(c => (c.Id, Similarity: ArticleFingerprint.EstimatedSimilarity(signature, c.Signature)))
            .OrderByDescending(c => c.Similarity).FirstOrDefault();
        return best.Similarity >= options.Value.NearDuplicateThreshold ? new DuplicateFinding(best.Id, "near", best.Similarity) : null;
    }

    /// <summary>For each article of the batch, the stored articles sharing a band key with it (at most <see cref="MaxCandidates"/>), with their signatures.</summary>
    private async Task<Dictionary<Guid, List<(Guid Id, ulong[] Signature)>>> StoredCandidatesAsync(IReadOnlyList<PreparedArticle> batch, CancellationToken ct)
    {
        var keysOf = batch.Where(a => a.IsReadable && !ArticleFingerprint.IsEmpty(a.Signature!))
            .ToDictionary(a => a.Article.ArticleId, a => ArticleFingerprint.LshBandKeys(a.Signature!).Distinct().ToList());
        var allKeys = keysOf.Values.SelectMany(k => k).Distinct().ToList();
        if (allKeys.Count == 0) return [];
        var bands = (await db.ArticleBands.Where(b => allKeys.Contains(b.BandKey)).Select(b => new { b.BandKey, b.ArticleId }).ToListAsync(ct))
            .ToLookup(b => b.BandKey, b => b.ArticleId);
        var candidatesOf = keysOf.ToDictionary(k => k.Key, k => k.Value.SelectMany(key => bands[key]).Distinct().Order().Take(MaxCandidates).ToList());
        var wanted = candidatesOf.Values.SelectMany(c => c).Distinct().ToList();
        // Only the signatures, untracked: nothing here changes them.
        var signatures = await db.Articles.AsNoTracking().Where(a => wanted.Contains(a.Id) && a.Signature != null)
            .Select(a => new { a.Id, a.Signature }).ToDictionaryAsync(a => a.Id, a => FromBytes(a.Signature!), ct);
        return candidatesOf.ToDictionary(c => c.Key, c => c.Value.Where(signatures.ContainsKey).Select(id => (id, signatures[id])).ToList());
    }

    private static ulong[] FromBytes(byte[] bytes) => MemoryMarshal.Cast<byte, ulong>(bytes).ToArray();
}
