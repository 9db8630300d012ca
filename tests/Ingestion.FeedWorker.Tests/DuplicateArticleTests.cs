using System.Collections.Concurrent;
using System.Net;
using Ingestion.Contracts;
using Ingestion.FeedWorker.Data;
using Ingestion.FeedWorker.Tests.Support;
using Ingestion.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.FeedWorker.Tests;

/// <summary>
/// One story told by three outlets at the same moment (the same text, a lightly edited copy, and the first
/// outlet's URL with tracking parameters), next to an unrelated story: the worker keeps one original, links the
/// copies to it, and reports incidents from the original alone, however the copies were batched. A copy read later
/// is found through the band keys saved with its original.
/// </summary>
public sealed class DuplicateArticleTests
{
    [Fact]
    public async Task Copies_read_at_the_same_moment_are_linked_to_one_original_and_report_nothing()
    {
        var story = TestInfrastructure.SeedArticle("002_");
        var edited = story.Replace("أعلنت", "قالت") + "\nوتابع المصدر أن التحقيقات جارية.";
        var other = TestInfrastructure.SeedArticle("004_");
        await using var server = await RecordingFeedServer.StartAsync();
        Dictionary<string, string> pages = new() { ["/a/story"] = story, ["/b/story"] = story, ["/c/story"] = edited, ["/c/other"] = other };
        foreach (var (path, text) in pages) server.Map(path, async http =>
        {
            await Task.Delay(300); // every page in flight at once, so the copies reach the commit together
            await RecordingFeedServer.WriteAsync(http, Html(text), "text/html; charset=utf-8");
        });
        server.MapFeed("/a.xml", _ => Rss.Feed("a", [new Rss.Item("a-1", "خبر", server.Url("/a/story"))]));
        server.MapFeed("/b.xml", _ => Rss.Feed("b", [new Rss.Item("b-1", "خبر", server.Url("/b/story")), new Rss.Item("b-2", "خبر", server.Url("/a/story?utm_source=b"))]));
        server.MapFeed("/c.xml", _ => Rss.Feed("c", [new Rss.Item("c-1", "خبر", server.Url("/c/story")), new Rss.Item("c-2", "خبر آخر", server.Url("/c/other"))]));
        await using var broker = await RabbitMqVirtualHost.CreateAsync("feeds-copies");
        await using var database = new PostgresTestDatabase("feeds_copies");
        var reported = new ConcurrentQueue<ArticleIncidentsReported>();
        await using var host = await WorkerHosts.StartAsync(WorkerHosts.Settings(broker, database).WithFeeds(new[] { "a", "b", "c" }.Select(f => (server.Url($"/{f}.xml"), f))),
            bus => bus.AddConsumer<ReportedRecorder>(), services => services.AddSingleton(reported));

        var articles = await Eventually.ReturnsAsync(() => ArticlesAsync(host), rows => rows.Count >= 4, TimeSpan.FromSeconds(60), "four articles read");
        await Task.Delay(TimeSpan.FromSeconds(3)); // settle: a fifth row (the tracked link kept as an article of its own) would show here
        articles = await ArticlesAsync(host);

        Assert.Equal(4, articles.Count);
        // The first outlet's article and its tracked link are one article: whichever was read first is kept.
        Assert.Single(articles, a => a.CanonicalUrl.EndsWith("/a/story", StringComparison.Ordinal));
        var copies = articles.Where(a => !a.Url.EndsWith("/c/other", StringComparison.Ordinal)).ToList();
        var original = Assert.Single(copies, a => a.Status == ArticleStatus.Extracted);
        foreach (var copy in copies.Where(c => c != original))
        {
            Assert.Equal(ArticleStatus.Duplicate, copy.Status);
            Assert.Equal(original.Id, copy.DuplicateOf);
            Assert.Contains(copy.DuplicateReason, new[] { "hash", "near" });
        }
        Assert.Equal(ArticleStatus.Extracted, articles.Single(a => a.Url.EndsWith("/c/other", StringComparison.Ordinal)).Status);

        var originals = articles.Where(a => a.Status == ArticleStatus.Extracted && a.IncidentCount > 0).ToList();
        await Eventually.ReturnsAsync(() => Task.FromResult(reported.Count), n => n >= originals.Count, TimeSpan.FromSeconds(30), "the originals' incidents reported");
        await Task.Delay(TimeSpan.FromSeconds(2)); // settle: a copy's mentions, reported by mistake, would show here
        // One message an original article, carrying all its mentions; nothing from the copies.
        Assert.Equal(originals.Count, reported.Count);
        Assert.All(reported, r => Assert.Equal(r.Mentions.Count, originals.Single(a => a.Id == r.Mentions[0].ArticleId).IncidentCount));
        Assert.All(reported, r => Assert.Single(r.Mentions.Select(m => m.ArticleId).Distinct()));
    }

    [Fact]
    public async Task A_copy_read_after_its_original_was_saved_is_linked_to_it_through_the_stored_band_keys()
    {
        var story = TestInfrastructure.SeedArticle("002_");
        var edited = story.Replace("أعلنت", "قالت") + "\nوتابع المصدر أن التحقيقات جارية.";
        await using var server = await RecordingFeedServer.StartAsync();
        foreach (var (path, text) in new[] { ("/a/story", story), ("/b/copy", edited), ("/b/other", TestInfrastructure.SeedArticle("004_")) })
            server.Map(path, http => RecordingFeedServer.WriteAsync(http, Html(text), "text/html; charset=utf-8"));
        var copyOut = new TaskCompletionSource();
        server.MapFeed("/a.xml", _ => Rss.Feed("a", [new Rss.Item("a-1", "خبر", server.Url("/a/story"))]));
        server.MapFeed("/b.xml", _ => Rss.Feed("b", copyOut.Task.IsCompleted
            ? [new Rss.Item("b-1", "خبر آخر", server.Url("/b/other")), new Rss.Item("b-2", "خبر", server.Url("/b/copy"))]
            : [new Rss.Item("b-1", "خبر آخر", server.Url("/b/other"))]));
        await using var broker = await RabbitMqVirtualHost.CreateAsync("feeds-later-copy");
        await using var database = new PostgresTestDatabase("feeds_later_copy");
        await using var host = await WorkerHosts.StartAsync(WorkerHosts.Settings(broker, database).WithFeeds([(server.Url("/a.xml"), "a"), (server.Url("/b.xml"), "b")]));

        await Eventually.ReturnsAsync(() => ArticlesAsync(host), rows => rows.Count >= 2, TimeSpan.FromSeconds(60), "the original and the other story saved");
        copyOut.SetResult(); // the copy appears in a later poll, so it is judged in a later batch, against the saved original
        var articles = await Eventually.ReturnsAsync(() => ArticlesAsync(host), rows => rows.Count >= 3, TimeSpan.FromSeconds(60), "the copy read");

        var original = articles.Single(a => a.Url.EndsWith("/a/story", StringComparison.Ordinal));
        var copy = articles.Single(a => a.Url.EndsWith("/b/copy", StringComparison.Ordinal));
        Assert.Equal(ArticleStatus.Extracted, original.Status);
        Assert.Equal((ArticleStatus.Duplicate, original.Id, "near"), (copy.Status, copy.DuplicateOf, copy.DuplicateReason));
        Assert.True(copy.ProcessedAt > original.ProcessedAt);
    }

    private static async Task<List<ArticleRecord>> ArticlesAsync(ServiceTestHost host)
    {
        using var scope = host.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<FeedsDbContext>().Articles.AsNoTracking().ToListAsync();
    }


    private static string Html(string text) =>
        "<html><head><meta charset=\"utf-8\"><title>خبر</title></head><body><nav>الرئيسية | أخبار</nav><article>"
        + string.Concat(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))
        + "</article><footer>جميع الحقوق محفوظة</footer></body></html>";

    private sealed class ReportedRecorder(ConcurrentQueue<ArticleIncidentsReported> reported) : IConsumer<ArticleIncidentsReported>
    {
        public Task Consume(ConsumeContext<ArticleIncidentsReported> context)
        {
            reported.Enqueue(context.Message);
            return Task.CompletedTask;
        }
    }
}
