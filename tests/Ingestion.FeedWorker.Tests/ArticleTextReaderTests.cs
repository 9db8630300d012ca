using Ingestion.Contracts;
using Ingestion.Feeds;
using Ingestion.FeedWorker.Articles;
using Ingestion.FeedWorker.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Ingestion.FeedWorker.Tests;

/// <summary>The article's text comes from its page when the page reads, else from the feed's own content, with the reason kept.</summary>
public sealed class ArticleTextReaderTests : IAsyncLifetime
{
    private const string FeedContent = "<p>قصفت طائرة مسيرة قاعدة عين الأسد الجوية غرب العراق مساء الأحد.</p>";
    private const string PageParagraph = "أفادت مصادر أمنية عراقية بأن صواريخ أطلقت على قاعدة عين الأسد الجوية غرب العراق، وذلك بعد ساعات من هجوم آخر استهدف قاعدة في سوريا.";
    private RecordingFeedServer server = null!;
    private readonly SafeFetcher fetcher = new(new FeedFetcherOptions { AllowPrivateAddresses = true, PerHostMinDelay = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(10) });

    public async Task InitializeAsync()
    {
        server = await RecordingFeedServer.StartAsync();
        server.Map("/page.html", ctx => RecordingFeedServer.WriteAsync(ctx,
            $"<html><body><nav>الرئيسية | سياسة | اقتصاد</nav><article><h1>عنوان</h1><p>{PageParagraph}</p><p>{PageParagraph}</p></article><footer>جميع الحقوق محفوظة</footer></body></html>",
            "text/html; charset=utf-8"));
        server.Map("/broken.html", ctx => { ctx.Response.StatusCode = 500; return Task.CompletedTask; });
        server.Map("/empty.html", (HttpContext ctx) => RecordingFeedServer.WriteAsync(ctx, "<html><body></body></html>", "text/html"));
    }

    [Fact]
    public async Task Reads_the_main_text_of_a_page_that_answers()
    {
        var text = await new ArticleTextReader(fetcher).ReadAsync(Article("/page.html", FeedContent), CancellationToken.None);

        Assert.Equal("page", text!.Origin);
        Assert.Contains(PageParagraph, text.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("جميع الحقوق", text.Text, StringComparison.Ordinal);
        Assert.Null(text.FetchError);
    }

    [Theory]
    [InlineData("/broken.html", "HTTP 500")]
    [InlineData("/empty.html", "page has no main text")]
    public async Task Falls_back_to_the_feed_content_when_the_page_fails_and_keeps_why(string path, string reason)
    {
        var text = await new ArticleTextReader(fetcher).ReadAsync(Article(path, FeedContent), CancellationToken.None);

        Assert.Equal("feed", text!.Origin);
        Assert.Equal("قصفت طائرة مسيرة قاعدة عين الأسد الجوية غرب العراق مساء الأحد.", text.Text);
        Assert.Contains(reason, text.FetchError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_an_unreadable_article_when_neither_page_nor_feed_has_text()
    {
        var text = await new ArticleTextReader(fetcher).ReadAsync(Article("/broken.html", null), CancellationToken.None);

        Assert.Equal("none", text!.Origin);
        Assert.Empty(text.Text);
        Assert.Contains("HTTP 500", text.FetchError, StringComparison.Ordinal);
    }

    private ArticleCollected Article(string path, string? feedContent) => new()
    {
        ArticleId = Guid.NewGuid(), FeedUrl = server.Url("/feed.xml"), Url = server.Url(path), Title = "عنوان",
        FeedContent = feedContent, CollectedAt = DateTimeOffset.UtcNow,
    };

    public async Task DisposeAsync()
    {
        fetcher.Dispose();
        await server.DisposeAsync();
    }
}
