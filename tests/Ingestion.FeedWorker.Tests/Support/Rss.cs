using System.Security;
using System.Text;

namespace Ingestion.FeedWorker.Tests.Support;

/// <summary>Small RSS 2.0 documents for the test servers.</summary>
public static class Rss
{
    public sealed record Item(string Guid, string Title, string Link, string? Description = null);

    public static string Feed(string title, IEnumerable<Item> items)
    {
        var sb = new StringBuilder($"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>{SecurityElement.Escape(title)}</title><link>http://example.invalid/</link>");
        foreach (var item in items)
        {
            sb.Append("<item><guid isPermaLink=\"false\">").Append(SecurityElement.Escape(item.Guid)).Append("</guid><title>").Append(SecurityElement.Escape(item.Title))
              .Append("</title><link>").Append(SecurityElement.Escape(item.Link)).Append("</link><pubDate>Mon, 22 Apr 2024 18:05:00 +0300</pubDate>");
            if (item.Description is not null) sb.Append("<description>").Append(SecurityElement.Escape(item.Description)).Append("</description>");
            sb.Append("</item>");
        }
        return sb.Append("</channel></rss>").ToString();
    }

    /// <summary>Feed <paramref name="feed"/> as it looks after <paramref name="count"/> items were published, newest first.</summary>
    public static string Growing(RecordingFeedServer server, string feed, int count) =>
        Feed($"Feed {feed}", Enumerable.Range(0, count).Reverse().Select(k => new Item($"{feed}-item-{k}", $"خبر {k} من {feed}", server.Url($"/articles/{feed}/{k}"))));
}
