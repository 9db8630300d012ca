using System.Runtime.InteropServices;
using Ingestion.Dedupe;
using Ingestion.FeedWorker.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ingestion.FeedWorker.Articles;

public sealed record DuplicateFinding(Guid OriginalId, string Reason, double Similarity);

/// <summary>
/// Finds an earlier article this one repeats: the same canonical URL, the same normalised text, or a
/// near-duplicate (syndicated or lightly edited copy) through MinHash band keys stored in the database.
/// </summary>
public sealed class ArticleDeduplicator(FeedsDbContext db, IOptions<FeedWorkerOptions> options)
{
    public async Task<DuplicateFinding?> SameUrlAsync(string canonicalUrl, CancellationToken ct) =>
        await db.Articles.Where(a => a.CanonicalUrl == canonicalUrl).Select(a => new DuplicateFinding(a.Id, "url", 1.0)).FirstOrDefaultAsync(ct);

    public async Task<DuplicateFinding?> SameTextAsync(string contentHash, ulong[] signature, CancellationToken ct)
    {
        var exact = await db.Articles.Where(a => a.ContentHash == contentHash && a.Status == ArticleStatus.Extracted)
            .Select(a => a.Id).FirstOrDefaultAsync(ct);
        if (exact != Guid.Empty) return new DuplicateFinding(exact, "hash", 1.0);
        if (ArticleFingerprint.IsEmpty(signature)) return null;

        var keys = ArticleFingerprint.LshBandKeys(signature).ToList();
        var candidates = await db.ArticleBands.Where(b => keys.Contains(b.BandKey)).Select(b => b.ArticleId).Distinct().OrderBy(id => id).Take(50).ToListAsync(ct);
        var stored = await db.Articles.Where(a => candidates.Contains(a.Id) && a.Signature != null).Select(a => new { a.Id, a.Signature }).ToListAsync(ct);
        var best = stored.Select(a => (a.Id, Similarity: ArticleFingerprint.EstimatedSimilarity(signature, FromBytes(a.Signature!))))
            .OrderByDescending(x => x.Similarity).FirstOrDefault();
        return best.Similarity >= options.Value.NearDuplicateThreshold ? new DuplicateFinding(best.Id, "near", best.Similarity) : null;
    }

    /// <summary>Indexes an original article so later copies find it.</summary>
    public void Index(ArticleRecord article, ulong[] signature)
    {
        article.Signature = MemoryMarshal.AsBytes(signature.AsSpan()).ToArray();
        foreach (var key in ArticleFingerprint.LshBandKeys(signature).Distinct())
            db.ArticleBands.Add(new ArticleBand { BandKey = key, ArticleId = article.Id });
    }

    private static ulong[] FromBytes(byte[] bytes) => MemoryMarshal.Cast<byte, ulong>(bytes).ToArray();
}
