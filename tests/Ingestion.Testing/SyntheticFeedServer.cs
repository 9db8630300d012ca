using System.Collections.Concurrent;
using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ingestion.Testing;

/// <summary>One generated article as the feed server publishes it.</summary>
public sealed record FeedArticle(string Slug, string Title, DateTimeOffset Published, string Text);

/// <summary>
/// A real HTTP server on loopback publishing generated articles from memory: RSS 2.0 feeds (/feeds/{k}.xml)
/// and each article as plain UTF-8 text (/articles/{slug}.txt). Articles are dealt to the feeds in turn, and
/// each feed shows its newest <c>itemsPerFeed</c> visible articles, as an outlet's feed does. Showing articles
/// over time (<see cref="VisibleArticles"/>) spreads a run, for a set rate or a fault in the middle of it.
/// </summary>
public sealed class SyntheticFeedServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly IReadOnlyList<FeedArticle> articles;
    private readonly int itemsPerFeed;
    private readonly int feedCount;

    private SyntheticFeedServer(WebApplication app, IReadOnlyList<FeedArticle> articles, int itemsPerFeed, int feedCount) =>
        (this.app, this.articles, this.itemsPerFeed, this.feedCount) = (app, articles, itemsPerFeed, feedCount);

    public string BaseUrl => app.Urls.First();

    public IReadOnlyList<string> FeedUrls => Enumerable.Range(0, feedCount).Select(k => $"{BaseUrl}/feeds/{k}.xml").ToList();

    /// <summary>How many times each article page was fetched.</summary>
    public ConcurrentDictionary<string, int> PageFetches { get; } = new();

    /// <summary>How many articles (in order) the feeds show now; all by default. A load at a set rate raises it over time.</summary>
    public Func<int>? VisibleArticles { get; set; }

    /// <param name="feeds">How many feeds; by default just enough that every article fits in one feed's window at once.</param>
    public static async Task<SyntheticFeedServer> StartAsync(IReadOnlyList<FeedArticle> articles, int itemsPerFeed, int? feeds = null)
    {
        var feedCount = feeds ?? Math.Max(1, (articles.Count + itemsPerFeed - 1) / itemsPerFeed);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new SyntheticFeedServer(app, articles, itemsPerFeed, feedCount);
        var bySlug = articles.ToDictionary(a => a.Slug);
        app.MapGet("/feeds/{k:int}.xml", (int k) => k >= 0 && k < feedCount
            ? Results.Text(server.Feed(k), "application/rss+xml; charset=utf-8")
            : Results.NotFound());
        app.MapGet("/articles/{slug}.txt", (string slug) =>
        {
            if (!bySlug.TryGetValue(slug, out var article)) return Results.NotFound();
            server.PageFetches.AddOrUpdate(slug, 1, (_, n) => n + 1);
            return Results.Text(article.Text, "text/plain; charset=utf-8");
        });
        await app.StartAsync();
        return server;
    }

    private string Feed(int k)
    {
        var visible = Math.Min(articles.Count, VisibleArticles?.Invoke() ?? articles.Count);
        // Feed k holds articles k, k + feedCount, k + 2 feedCount...: its newest visible ones, newest first.
        var newest = visible - 1 - ((visible - 1 - k) % feedCount + feedCount) % feedCount;
        var indexes = Enumerable.Range(0, itemsPerFeed).Select(i => newest - i * feedCount).TakeWhile(i => i >= 0);
        var items = indexes.Select(i => articles[i]).Select(a => new XElement("item",
            new XElement("title", a.Title),
            new XElement("link", $"{BaseUrl}/articles/{a.Slug}.txt"),
            new XElement("guid", new XAttribute("isPermaLink", "false"), "synthetic:" + a.Slug),
            new XElement("pubDate", a.Published.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture))));
        var channel = new XElement("channel", new XElement("title", $"Synthetic outlet {k}"), new XElement("link", BaseUrl),
            new XElement("description", "Generated Arabic articles"), new XElement("language", "ar"), items);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("rss", new XAttribute("version", "2.0"), channel)).ToString();
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
