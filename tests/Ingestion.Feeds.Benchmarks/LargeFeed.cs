using System.Diagnostics;
using System.Text;

namespace Ingestion.Feeds.Benchmarks;

/// <summary>
/// Memory and throughput on a news-sized feed (the corpus files average 300 bytes, so their figures are
/// per-document overhead): a synthetic Arabic RSS 2.0 of about 2 MB with content:encoded bodies.
/// </summary>
internal static class LargeFeed
{
    public static void Report()
    {
        var body = Build(items: 400);
        var mb = body.Length / (1024.0 * 1024.0);
        FeedParser.Parse(body, "application/rss+xml");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var feed = FeedParser.Parse(body, "application/rss+xml");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var best = double.MaxValue;
        for (var i = 0; i < 10; i++)
        {
            var sw = Stopwatch.StartNew();
            FeedParser.Parse(body, "application/rss+xml");
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"large feed:         {mb:0.00} MB, {feed.Items.Count} items: {best * 1000:0.0} ms ({mb / best:0.0} MB/s), " +
                          $"{allocated / mb / (1024 * 1024):0.0} MB allocated per MB of feed");
    }

    private static byte[] Build(int items)
    {
        const string paragraph = "<p>أفادت مصادر أمنية عراقية ومسؤولان أميركيان بأن صواريخ أطلقت على قاعدة عين الأسد الجوية غرب العراق، " +
                                 "وذلك بعد ساعات من هجوم بطائرة مسيرة استهدف قاعدة تضم قوات أميركية في شمال شرق سوريا.</p>";
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>أخبار</title><link>https://news.example/</link>");
        for (var i = 0; i < items; i++)
        {
            sb.Append("<item><title>استهداف قوات أميركية في العراق وسوريا رقم ").Append(i).Append("</title>")
              .Append("<link>https://news.example/ar/news/").Append(i).Append("</link><guid>news-").Append(i).Append("</guid>")
              .Append("<pubDate>Mon, 22 Apr 2024 18:05:00 +0300</pubDate><dc:creator>رويترز</dc:creator>")
              .Append("<description><![CDATA[").Append(paragraph).Append("]]></description><content:encoded><![CDATA[");
            for (var p = 0; p < 8; p++) sb.Append(paragraph);
            sb.Append("]]></content:encoded></item>");
        }
        return Encoding.UTF8.GetBytes(sb.Append("</channel></rss>").ToString());
    }
}
