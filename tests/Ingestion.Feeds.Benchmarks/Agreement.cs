using System.Globalization;

namespace Ingestion.Feeds.Benchmarks;

/// <summary>On files both parsers read (no error, same item count), compares titles, links and dates.</summary>
internal static class Agreement
{
    public static void Report(IReadOnlyList<string> files, ParsedFeed[] ours, List<PeerFields> peer)
    {
        int compared = 0, agreed = 0, filesBoth = 0;
        var differences = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            var o = ours[i];
            var p = peer[i];
            if (o.Items.Count == 0 && o.Title is null) continue;
            filesBoth++;
            var item = o.Items.Count > 0 ? o.Items[0] : null;
            Check("feed.title", o.Title, p.Title);
            Check("feed.link", o.Link, p.Link);
            if (item is not null && p.Entries > 0)
            {
                Check("item.title", item.Title, p.ItemTitle);
                Check("item.link", item.Link, p.ItemLink);
                Check("item.published", Iso(item.Published), p.ItemPublished, onlyWhenPeerHasIt: true);
            }

            void Check(string field, string? a, string? b, bool onlyWhenPeerHasIt = false)
            {
                if (string.IsNullOrEmpty(a) && string.IsNullOrEmpty(b)) return;
                if (onlyWhenPeerHasIt && b is null) return;
                compared++;
                if (string.Equals(a, b, StringComparison.Ordinal)) agreed++;
                else differences.Add($"{Path.GetRelativePath(Path.GetDirectoryName(Path.GetDirectoryName(files[i]))!, files[i])} {field}: ours «{Clip(a)}» feedparser «{Clip(b)}»");
            }
        }
        Console.WriteLine($"agreement:          {agreed}/{compared} title/link/date values identical ({100.0 * agreed / Math.Max(1, compared):0.0}%) over {filesBoth} files both parse");
        foreach (var d in differences.Take(15)) Console.WriteLine("  differs: " + d);
        if (differences.Count > 15) Console.WriteLine($"  ... {differences.Count - 15} more");
    }

    private static string? Iso(DateTimeOffset? d) => d?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? Clip(string? s) => s is null ? "null" : s.Length > 60 ? s[..60] + "…" : s;
}
