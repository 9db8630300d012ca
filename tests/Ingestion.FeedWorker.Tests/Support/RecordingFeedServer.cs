using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Ingestion.FeedWorker.Tests.Support;

/// <summary>
/// A real HTTP server on loopback whose paths each test scripts; it records every request (path, user agent,
/// when it started and when the response was complete) so tests can check who polled what, and when.
/// Paths under /articles/ answer with a short Arabic text, as an article page would.
/// </summary>
public sealed class RecordingFeedServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);
    private WebApplication app = null!;

    public sealed record Request(string Path, string UserAgent, DateTime Started, DateTime Ended);

    public ConcurrentQueue<Request> Requests { get; } = new();

    public string BaseUrl => app.Urls.First();

    public string Url(string path) => BaseUrl + path;

    /// <summary>How many requests for <paramref name="path"/> had arrived, this one included (1 for the first).</summary>
    public int CountOf(string path) => counts.GetValueOrDefault(path);

    public List<Request> RequestsFor(string path) => Requests.Where(r => r.Path == path).OrderBy(r => r.Started).ToList();

    public void Map(string path, Func<HttpContext, Task> handler) => routes[path] = handler;

    public void MapFeed(string path, Func<int, string> rssForRequestNumber) =>
        Map(path, ctx => WriteAsync(ctx, rssForRequestNumber(CountOf(path)), "application/rss+xml; charset=utf-8"));

    public static async Task<RecordingFeedServer> StartAsync()
    {
        var server = new RecordingFeedServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        server.app = builder.Build();
        server.app.Run(server.HandleAsync);
        await server.app.StartAsync();
        return server;
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var started = DateTime.UtcNow;
        var path = ctx.Request.Path.Value ?? "/";
        counts.AddOrUpdate(path, 1, (_, n) => n + 1);
        try
        {
            if (routes.TryGetValue(path, out var handler)) await handler(ctx);
            else if (path.StartsWith("/articles/", StringComparison.Ordinal)) await WriteAsync(ctx, ArticleText(path), "text/plain; charset=utf-8");
            else ctx.Response.StatusCode = 404;
            await ctx.Response.CompleteAsync();
        }
        catch (Exception) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (timeout, body cap): that is what the hostile routes are for.
        }
        finally
        {
            Requests.Enqueue(new Request(path, ctx.Request.Headers.UserAgent.ToString(), started, DateTime.UtcNow));
        }
    }

    public static async Task WriteAsync(HttpContext ctx, string body, string contentType, int status = 200)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted);
    }

    private static string ArticleText(string path) =>
        $"أفادت مصادر أمنية بأن الوضع هادئ في المنطقة اليوم. هذا نص تجريبي للمقالة {path} لا يذكر أي هجوم.";

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
