using System.Security.Cryptography;
using System.Text;
using Ingestion.Contracts;
using Ingestion.Feeds;
using Ingestion.FeedWorker.Data;
using Ingestion.ServiceDefaults.Outbox;
using Ingestion.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.FeedWorker.Polling;

/// <summary>Turns a parsed feed's unseen items into ArticleCollected messages, queued in the caller's transaction.</summary>
public static class FeedItems
{
    public static async Task<int> CollectNewAsync(FeedsDbContext db, FeedRecord feed, ParsedFeed parsed, DateTimeOffset now, CancellationToken ct)
    {
        var byKey = new Dictionary<string, FeedItem>(StringComparer.Ordinal);
        foreach (var item in parsed.Items) byKey.TryAdd(KeyOf(item), item);
        var keys = byKey.Keys.ToList();
        // A set: a feed of 200 items polled again has most of them seen, and a list made each item a scan of them all.
        var seen = (await db.SeenItems.Where(s => s.FeedId == feed.Id && keys.Contains(s.ItemKey)).Select(s => s.ItemKey).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var (key, item) in byKey.Where(pair => !seen.Contains(pair.Key)))
        {
            var articleId = Guid.NewGuid();
            db.SeenItems.Add(new SeenItem { FeedId = feed.Id, ItemKey = key, ArticleId = articleId, SeenAt = now });
            db.Enqueue(new ArticleCollected
            {
                ArticleId = articleId, FeedUrl = feed.Url, Url = item.Link ?? $"{feed.Url}#{key}", ItemId = item.Id,
                Title = item.Title, Outlet = feed.Name, PublishedAt = item.Published,
                FeedContent = item.Content ?? item.Summary, CollectedAt = now,
            }, now);
            added++;
        }
        IngestionTelemetry.ArticlesCollected.Add(added);
        return added;
    }

    /// <summary>The item's guid, else its link, else a hash of its title and summary: stable across polls.</summary>
    public static string KeyOf(FeedItem item)
    {
        if (!string.IsNullOrWhiteSpace(item.Id)) return Cap(item.Id);
        if (!string.IsNullOrWhiteSpace(item.Link)) return Cap(item.Link);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{item.Title}\n{item.Summary}"));
        return "sha256:" + Convert.ToHexStringLower(hash);
    }

    // Keys longer than an index comfortably holds are replaced by their hash.
    private static string Cap(string key) => key.Length <= 400 ? key : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
