using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ingestion.Feeds.Tests.Parsing;

/// <summary>One check from the peer suite's cases.json, and how it maps onto our model.</summary>
internal sealed record CorpusCheck(string File, string Kind, string? Field, JsonElement Expected);

internal static partial class CorpusChecks
{
    /// <summary>Fields a news pipeline uses (feedparser names); the 95% gate is computed over these.</summary>
    [GeneratedRegex(@"^(feed\.(title|title_detail\.value|link)|entries\[\d+\]\.(title|title_detail\.value|link|id|guid|summary|description|summary_detail\.value|content\[0\]\.value|published|published_parsed|updated|updated_parsed|author)|encoding)$")]
    public static partial Regex NewsField();

    public static IEnumerable<(string File, IReadOnlyDictionary<string, string>? Headers, List<CorpusCheck> Checks)> Load(string corpus)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(corpus, "cases.json")));
        foreach (var c in json.RootElement.GetProperty("cases").EnumerateArray())
        {
            var file = c.GetProperty("file").GetString()!;
            Dictionary<string, string>? headers = null;
            if (c.GetProperty("headers").ValueKind == JsonValueKind.Object)
                headers = c.GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.OrdinalIgnoreCase);
            var checks = c.GetProperty("checks").EnumerateArray().Select(ch => new CorpusCheck(file,
                ch.GetProperty("kind").GetString()!,
                ch.TryGetProperty("field", out var f) ? f.GetString() : null,
                ch.TryGetProperty("expected", out var e) ? e.Clone() : default)).ToList();
            yield return (file, headers, checks);
        }
    }

    /// <summary>Our value for a feedparser field, or null when we do not model that field.</summary>
    public static (bool Modelled, string? Value) Actual(ParsedFeed feed, string field)
    {
        if (field == "encoding") return (true, feed.Encoding);
        if (field.StartsWith("feed.", StringComparison.Ordinal))
            return field[5..] switch
            {
                "title" or "title_detail.value" => (true, feed.Title),
                "link" => (true, feed.Link),
                _ => (false, null),
            };
        var m = EntryField().Match(field);
        if (!m.Success) return (false, null);
        var index = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var item = index < feed.Items.Count ? feed.Items[index] : null;
        string? V(Func<FeedItem, string?> f) => item is null ? null : f(item);
        return m.Groups[2].Value switch
        {
            "title" or "title_detail.value" => (true, V(i => i.Title)),
            "link" => (true, V(i => i.Link)),
            "id" or "guid" => (true, V(i => i.Id)),
            "summary" or "description" or "summary_detail.value" => (true, V(i => i.Summary)),
            "content[0].value" => (true, V(i => i.Content)),
            "published" => (true, V(i => i.PublishedRaw)),
            "published_parsed" => (true, V(i => Iso(i.Published))),
            "updated_parsed" => (true, V(i => Iso(i.Updated))),
            "updated" => (true, V(i => i.UpdatedRaw)),
            "author" => (true, V(i => i.Author)),
            _ => (false, null),
        };
    }

    private static string? Iso(DateTimeOffset? d) => d?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^entries\[(\d+)\]\.(.+)$")]
    private static partial Regex EntryField();
}
