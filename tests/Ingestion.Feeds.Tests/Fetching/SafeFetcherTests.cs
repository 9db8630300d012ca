using System.IO.Compression;
using System.Net;
using Ingestion.Feeds.Tests.Support;

namespace Ingestion.Feeds.Tests.Fetching;

public sealed class SafeFetcherTests
{
    private const string Rss = "<rss version=\"2.0\"><channel><title>أخبار</title><item><title>خبر</title></item></channel></rss>";

    [Fact]
    public async Task Returns_body_and_validators_and_sends_an_honest_user_agent()
    {
        string? userAgent = null;
        await using var server = new LoopbackServer(async ctx =>
        {
            userAgent = ctx.Request.UserAgent;
            ctx.Response.Headers["ETag"] = "\"v1\"";
            ctx.Response.Headers["Last-Modified"] = "Mon, 22 Apr 2024 18:05:00 GMT";
            ctx.Response.Headers["Cache-Control"] = "max-age=300";
            await LoopbackServer.WriteAsync(ctx.Response, Rss);
        });
        using var fetcher = FetcherFactory.ForLoopback();

        var result = await fetcher.FetchAsync(server.Url("/feed"), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal("\"v1\"", result.ETag);
        Assert.Equal("Mon, 22 Apr 2024 18:05:00 GMT", result.LastModified);
        Assert.Equal(TimeSpan.FromSeconds(300), result.MaxAge);
        Assert.StartsWith("IngestionBot/1.0", userAgent);
        Assert.Equal("أخبار", FeedParser.Parse(result.Body, result.ContentType).Title);
    }

    [Fact]
    public async Task Sends_validators_and_reports_not_modified_after_304()
    {
        string? ifNoneMatch = null, ifModifiedSince = null;
        await using var server = new LoopbackServer(ctx =>
        {
            ifNoneMatch = ctx.Request.Headers["If-None-Match"];
            ifModifiedSince = ctx.Request.Headers["If-Modified-Since"];
            ctx.Response.StatusCode = ifNoneMatch == "\"v1\"" ? 304 : 200;
            return Task.CompletedTask;
        });
        using var fetcher = FetcherFactory.ForLoopback();

        var result = await fetcher.FetchAsync(server.Url(), new ConditionalHeaders("\"v1\"", "Mon, 22 Apr 2024 18:05:00 GMT"), CancellationToken.None);

        Assert.Equal(FetchOutcome.NotModified, result.Outcome);
        Assert.Empty(result.Body);
        Assert.Equal("\"v1\"", ifNoneMatch);
        Assert.Equal("Mon, 22 Apr 2024 18:05:00 GMT", ifModifiedSince);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task Decompresses_compressed_bodies(string coding)
    {
        var compressed = Compress(System.Text.Encoding.UTF8.GetBytes(Rss), coding);
        await using var server = new LoopbackServer(async ctx =>
        {
            ctx.Response.Headers["Content-Encoding"] = coding;
            ctx.Response.ContentType = "application/rss+xml";
            ctx.Response.ContentLength64 = compressed.Length;
            await ctx.Response.OutputStream.WriteAsync(compressed);
        });
        using var fetcher = FetcherFactory.ForLoopback();

        var result = await fetcher.FetchAsync(server.Url(), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(Rss, System.Text.Encoding.UTF8.GetString(result.Body));
    }

    [Fact]
    public async Task Follows_redirects_and_reports_the_final_url()
    {
        await using var server = new LoopbackServer(async ctx =>
        {
            if (ctx.Request.Url!.AbsolutePath == "/old") { ctx.Response.StatusCode = 301; ctx.Response.RedirectLocation = "/new"; return; }
            await LoopbackServer.WriteAsync(ctx.Response, Rss);
        });
        using var fetcher = FetcherFactory.ForLoopback();

        var result = await fetcher.FetchAsync(server.Url("/old"), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(server.Url("/new"), result.FinalUrl);
    }

    [Theory]
    [InlineData(429, "120")]
    [InlineData(503, "120")]
    public async Task Surfaces_retry_after_on_throttling(int status, string retryAfter)
    {
        await using var server = new LoopbackServer(ctx =>
        {
            ctx.Response.StatusCode = status;
            ctx.Response.Headers["Retry-After"] = retryAfter;
            return Task.CompletedTask;
        });
        using var fetcher = FetcherFactory.ForLoopback();

        var result = await fetcher.FetchAsync(server.Url(), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.HttpError, result.Outcome);
        Assert.Equal(status, result.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
    }

    [Fact]
    public async Task Reads_retry_after_given_as_an_http_date_relative_to_the_clock()
    {
        var now = new DateTimeOffset(2024, 4, 22, 18, 0, 0, TimeSpan.Zero);
        await using var server = new LoopbackServer(ctx =>
        {
            ctx.Response.StatusCode = 503;
            ctx.Response.Headers["Retry-After"] = now.AddMinutes(10).ToString("R");
            return Task.CompletedTask;
        });
        using var fetcher = new SafeFetcher(new FeedFetcherOptions { AllowPrivateAddresses = true, PerHostMinDelay = TimeSpan.Zero }, new FixedClock(now));

        var result = await fetcher.FetchAsync(server.Url(), null, CancellationToken.None);

        Assert.Equal(TimeSpan.FromMinutes(10), result.RetryAfter);
    }

    [Fact]
    public async Task Throws_only_when_the_caller_cancels()
    {
        await using var server = new LoopbackServer(async ctx => await Task.Delay(TimeSpan.FromSeconds(30)));
        using var fetcher = FetcherFactory.ForLoopback();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetcher.FetchAsync(server.Url(), null, cts.Token));
    }

    private static byte[] Compress(byte[] data, string coding)
    {
        using var output = new MemoryStream();
        using (Stream z = coding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
        })
        {
            z.Write(data);
        }
        return output.ToArray();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
