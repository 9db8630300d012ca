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
/// A real HTTP server on loopback publishing generated articles from memory: RSS 2.0 feeds of
/// <c>itemsPerFeed</c> items each (/feeds/{k}.xml) and each article as plain UTF-8 text (/articles/{slug}.txt).
/// An optional delay per article page spreads a run over time, so a fault can strike in the middle of it.
/// </summary>
public sealed class SyntheticFeedServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly IReadOnlyList<FeedArticle> articles;
    private readonly int itemsPerFeed;

    private SyntheticFeedServer(WebApplication app, IReadOnlyList<FeedArticle> articles, int itemsPerFeed) =>
        (this.app, this.articles, this.itemsPerFeed) = (app, articles, itemsPerFeed);

    public string BaseUrl => app.Urls.First();

    public IReadOnlyList<string> FeedUrls => Enumerable.Range(0, (articles.Count + itemsPerFeed - 1) / itemsPerFeed)
        .Select(k => $"{BaseUrl}/feeds/{k}.xml").ToList();

    /// <summary>How many times each article page was fetched.</summary>
    public ConcurrentDictionary<string, int> PageFetches { get; } = new();

    public TimeSpan PageDelay { get; set; }

    /// <summary>How many articles (in order) the feeds show now; all by default. A load at a set rate raises it over time.</summary>
    public Func<int>? VisibleArticles { get; set; }

    public static async Task<SyntheticFeedServer> StartAsync(IReadOnlyList<FeedArticle> articles, int itemsPerFeed)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new SyntheticFeedServer(app, articles, itemsPerFeed);
        var bySlug = articles.ToDictionary(a => a.Slug);
        app.MapGet("/feeds/{k:int}.xml", (int k) => k * itemsPerFeed < articles.Count
            ? Results.Text(server.Feed(k), "application/rss+xml; charset=utf-8")
            : Results.NotFound());
        app.MapGet("/articles/{slug}.txt", async (string slug, CancellationToken ct) =>
        {
            if (!bySlug.TryGetValue(slug, out var article)) return Results.NotFound();
            server.PageFetches.AddOrUpdate(slug, 1, (_, n) => n + 1);
            if (server.PageDelay > TimeSpan.Zero) await Task.Delay(server.PageDelay, ct);
            return Results.Text(article.Text, "text/plain; charset=utf-8");
        });
        await app.StartAsync();
        return server;
    }

    private string Feed(int k)
    {
        var visible = VisibleArticles?.Invoke() ?? articles.Count;
        var items = articles.Take(visible).Skip(k * itemsPerFeed).Take(itemsPerFeed).Select(a => new XElement("item",
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
