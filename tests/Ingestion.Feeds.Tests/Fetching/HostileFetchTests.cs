using System.IO.Compression;
using Ingestion.Feeds.Tests.Support;

namespace Ingestion.Feeds.Tests.Fetching;

/// <summary>Hostile servers: every case ends in a clear FetchResult (or ParsedFeed) error within the limits.</summary>
public sealed class HostileFetchTests
{
    [Fact]
    public async Task Refuses_loopback_by_default()
    {
        var hit = false;
        await using var server = new LoopbackServer(ctx => { hit = true; return Task.CompletedTask; });
        using var fetcher = new SafeFetcher(new FeedFetcherOptions());

        var result = await fetcher.FetchAsync(server.Url(), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.Refused, result.Outcome);
        Assert.Contains("127.0.0.1", result.Error);
        Assert.False(hit);
    }

    [Fact]
    public async Task Refuses_a_localhost_name_by_its_resolved_address()
    {
        using var fetcher = new SafeFetcher(new FeedFetcherOptions());

        var result = await fetcher.FetchAsync(new Uri("http://localhost:9/feed"), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.Refused, result.Outcome);
    }

    [Fact]
    public async Task Refuses_a_redirect_to_a_non_http_scheme()
    {
        await using var server = new LoopbackServer(ctx => { ctx.Response.StatusCode = 302; ctx.Response.RedirectLocation = "file:///etc/passwd"; return Task.CompletedTask; });
        using var fetcher = FetcherFactory.ForLoopback();

        var result = await fetcher.FetchAsync(server.Url(), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.Refused, result.Outcome);
    }

    [Fact]
    public async Task Stops_a_redirect_loop()
    {
        await using var server = new LoopbackServer(ctx =>
        {
            ctx.Response.StatusCode = 302;
            ctx.Response.RedirectLocation = ctx.Request.Url!.AbsolutePath == "/a" ? "/b" : "/a";
            return Task.CompletedTask;
        });
        using var fetcher = FetcherFactory.ForLoopback();

        var result = await fetcher.FetchAsync(server.Url("/a"), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.TooManyRedirects, result.Outcome);
    }

    [Fact]
    public async Task Stops_after_the_redirect_limit()
    {
        await using var server = new LoopbackServer(ctx =>
        {
            var n = int.Parse(ctx.Request.Url!.AbsolutePath.Trim('/'), System.Globalization.CultureInfo.InvariantCulture);
            ctx.Response.StatusCode = 302;
            ctx.Response.RedirectLocation = "/" + (n + 1);
            return Task.CompletedTask;
        });
        using var fetcher = FetcherFactory.ForLoopback(o => o.MaxRedirects = 3);

        var result = await fetcher.FetchAsync(server.Url("/0"), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.TooManyRedirects, result.Outcome);
        Assert.Equal(server.Url("/3"), result.FinalUrl);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Cuts_a_100_MB_body_at_the_cap(bool declareLength)
    {
        const long hundredMb = 100L * 1024 * 1024;
        var chunk = new byte[64 * 1024];
        await using var server = new LoopbackServer(async ctx =>
        {
            ctx.Response.ContentType = "application/rss+xml";
            if (declareLength) ctx.Response.ContentLength64 = hundredMb;
            else ctx.Response.SendChunked = true;
            for (long sent = 0; sent < hundredMb; sent += chunk.Length) await ctx.Response.OutputStream.WriteAsync(chunk); // streamed, never held
        });
        using var fetcher = FetcherFactory.ForLoopback(o => o.MaxBodyBytes = 5 * 1024 * 1024);

        var result = await fetcher.FetchAsync(server.Url(), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.TooLarge, result.Outcome);
        Assert.Empty(result.Body);
    }

    [Fact]
    public async Task Counts_decompressed_bytes_so_a_gzip_bomb_is_cut()
    {
        var bomb = GzipOfZeros(64L * 1024 * 1024);
        await using var server = new LoopbackServer(async ctx =>
        {
            ctx.Response.Headers["Content-Encoding"] = "gzip";
            ctx.Response.ContentLength64 = bomb.Length;
            await ctx.Response.OutputStream.WriteAsync(bomb);
        });
        using var fetcher = FetcherFactory.ForLoopback(o => o.MaxBodyBytes = 1024 * 1024);

        var result = await fetcher.FetchAsync(server.Url(), null, CancellationToken.None);

        Assert.True(bomb.Length < 1024 * 1024, "the compressed bomb itself is under the cap");
        Assert.Equal(FetchOutcome.TooLarge, result.Outcome);
    }

    [Fact]
    public async Task Times_out_a_server_that_trickles_bytes()
    {
        await using var server = new LoopbackServer(async ctx =>
        {
            ctx.Response.SendChunked = true;
            for (var i = 0; i < 600; i++)
            {
                await ctx.Response.OutputStream.WriteAsync("<"u8.ToArray());
                await ctx.Response.OutputStream.FlushAsync();
                await Task.Delay(100);
            }
        });
        using var fetcher = FetcherFactory.ForLoopback(o => o.Timeout = TimeSpan.FromSeconds(1));

        var result = await fetcher.FetchAsync(server.Url(), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.Timeout, result.Outcome);
        Assert.Contains("1 s", result.Error);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(500)]
    public async Task Reports_http_errors_with_their_status(int status)
    {
        await using var server = new LoopbackServer(ctx => { ctx.Response.StatusCode = status; return Task.CompletedTask; });
        using var fetcher = FetcherFactory.ForLoopback();

        var result = await fetcher.FetchAsync(server.Url(), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.HttpError, result.Outcome);
        Assert.Equal(status, result.StatusCode);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Error);
    }

    [Fact]
    public async Task Reports_a_refused_connection_as_a_network_error()
    {
        var closed = new LoopbackServer(_ => Task.CompletedTask);
        var port = closed.Port;
        await closed.DisposeAsync(); // nothing listens there any more
        using var fetcher = FetcherFactory.ForLoopback();

        var result = await fetcher.FetchAsync(new Uri($"http://127.0.0.1:{port}/"), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.NetworkError, result.Outcome);
    }

    [Theory]
    [InlineData("hostile/empty.xml", "application/rss+xml")]
    [InlineData("hostile/html-page.html", "text/html; charset=utf-8")]
    [InlineData("hostile/invalid-utf8.xml", "application/rss+xml")]
    [InlineData("hostile/billion-laughs.xml", "application/rss+xml")]
    [InlineData("hostile/xxe.xml", "application/rss+xml")]
    public async Task Served_hostile_documents_end_in_a_parse_error(string file, string contentType)
    {
        var body = Fixture.Bytes(file);
        await using var server = new LoopbackServer(async ctx =>
        {
            ctx.Response.ContentType = contentType;
            ctx.Response.ContentLength64 = body.Length;
            await ctx.Response.OutputStream.WriteAsync(body);
        });
        using var fetcher = FetcherFactory.ForLoopback();

        var result = await fetcher.FetchAsync(server.Url(), null, CancellationToken.None);
        var feed = FeedParser.Parse(result.Body, result.ContentType, result.FinalUrl);

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.True(feed.Malformed);
        Assert.False(string.IsNullOrWhiteSpace(feed.Error));
    }

    private static byte[] GzipOfZeros(long size)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < size; written += zeros.Length) gz.Write(zeros);
        }
        return output.ToArray();
    }
}
