using Ingestion.Feeds;
using Ingestion.FeedWorker.Data;

namespace Ingestion.FeedWorker.Polling;

/// <summary>How a poll reads as feed health: the reason it failed, and the counters kept on the feed.</summary>
public static class FeedHealth
{
    /// <summary>Null when the poll was clean; a malformed feed that still yielded items is reported too.</summary>
    public static string? ErrorOf(FetchResult fetch, ParsedFeed? parsed)
    {
        if (fetch.Outcome == FetchOutcome.NotModified) return null;
        if (!fetch.IsSuccess) return $"{fetch.Outcome}: {fetch.Error ?? (fetch.StatusCode is { } s ? $"HTTP {s}" : "failed")}";
        if (parsed is null) return "not parsed";
        if (parsed.RefusedEntities) return $"refused: {parsed.Error}";
        if (parsed.Items.Count == 0 && LooksLikeHtml(fetch, parsed))
            return $"not a feed: the server sent an HTML page ({fetch.ContentType ?? "no content type"})";
        if (parsed.Items.Count == 0 && parsed.Error is not null) return $"unreadable feed: {parsed.Error}";
        if (parsed.Malformed) return $"malformed feed, {parsed.Items.Count} items recovered: {parsed.Error ?? "not well-formed"}";
        return null;
    }

    /// <summary>
    /// Items of a document that tried an entity attack are not collected, even though nothing was expanded:
    /// no real outlet's feed declares external or nested entities, so whatever it carries is not news.
    /// </summary>
    public static bool ItemsAreUsable(ParsedFeed? parsed) => parsed is not null && !parsed.RefusedEntities;

    public static void Record(FeedRecord feed, FetchResult fetch, ParsedFeed? parsed, string? error, int newItems, DateTimeOffset now)
    {
        var usable = fetch.Outcome == FetchOutcome.NotModified
            || (ItemsAreUsable(parsed) && (parsed!.Items.Count > 0 || (error is null && fetch.IsSuccess)));
        feed.LastError = error;
        if (usable)
        {
            feed.LastSuccessAt = now;
            feed.ConsecutiveErrors = 0;
            feed.ETag = fetch.ETag ?? feed.ETag;
            feed.LastModified = fetch.LastModified ?? feed.LastModified;
        }
        else feed.ConsecutiveErrors++;
        feed.ItemsSeen += newItems;
        if (ItemsAreUsable(parsed) && parsed!.Title is { Length: > 0 } title && feed.Name == new Uri(feed.Url).Host) feed.Name = title;
    }

    private static bool LooksLikeHtml(FetchResult fetch, ParsedFeed parsed) =>
        fetch.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
        || (parsed.Format == "unknown" && HtmlStart(fetch.Body));

    private static bool HtmlStart(byte[] body)
    {
        var head = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 512)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }
}
