using System.Text.Json;
using AngleSharp.Dom;

namespace Ingestion.Feeds;

/// <summary>Title, canonical URL and publication time from the page head (OpenGraph, article:*, JSON-LD).</summary>
internal static class ArticleMetadata
{
    public static string? Title(IDocument doc) =>
        Clean(Meta(doc, "og:title")) ?? Clean(doc.QuerySelector("article h1, h1")?.TextContent) ?? Clean(doc.Title);

    public static string? Canonical(IDocument doc, Uri pageUrl)
    {
        var href = doc.QuerySelector("link[rel~='canonical'][href]")?.GetAttribute("href") ?? Meta(doc, "og:url");
        if (string.IsNullOrWhiteSpace(href)) return null;
        return Uri.TryCreate(pageUrl, href.Trim(), out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) ? u.ToString() : null;
    }

    public static DateTimeOffset? Published(IDocument doc)
    {
        foreach (var key in (string[])["article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date", "dcterms.created"])
            if (FeedDates.Parse(Meta(doc, key)) is { } d) return d;
        if (JsonLdDatePublished(doc) is { } ld) return ld;
        var time = doc.QuerySelector("article time[datetime], time[itemprop='datePublished'], time[datetime]");
        return FeedDates.Parse(time?.GetAttribute("datetime"));
    }

    private static string? Meta(IDocument doc, string key)
    {
        foreach (var meta in doc.QuerySelectorAll("meta"))
        {
            var name = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase)) return meta.GetAttribute("content");
        }
        return null;
    }

    private static DateTimeOffset? JsonLdDatePublished(IDocument doc)
    {
        foreach (var script in doc.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (Find(json.RootElement, 0) is { } found) return found;
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the other sources still apply.
            }
        }
        return null;
    }

    /// <summary>datePublished anywhere in the JSON-LD graph (@graph arrays, nested NewsArticle objects).</summary>
    private static DateTimeOffset? Find(JsonElement e, int depth)
    {
        if (depth > 8) return null;
        if (e.ValueKind == JsonValueKind.Object)
        {
            if (e.TryGetProperty("datePublished", out var dp) && dp.ValueKind == JsonValueKind.String && FeedDates.Parse(dp.GetString()) is { } d) return d;
            foreach (var p in e.EnumerateObject())
                if (Find(p.Value, depth + 1) is { } nested) return nested;
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
                if (Find(item, depth + 1) is { } nested) return nested;
        }
        return null;
    }

    private static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        return string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
