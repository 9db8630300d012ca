using System.Diagnostics.Metrics;
using Ingestion.FeedWorker.Tests.Support;
using Ingestion.Testing;
using Microsoft.AspNetCore.Http;

namespace Ingestion.FeedWorker.Tests;

/// <summary>
/// One worker polling good feeds next to hostile ones: each hostile feed ends in a clear error on that feed
/// alone, within the fetch limits, and the good feeds keep delivering.
/// </summary>
public sealed class HostileFeedServiceTests
{
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(3);
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>Path → what its feed's LastError must say.</summary>
    private static readonly Dictionary<string, string> Hostile = new()
    {
        ["/xxe.xml"] = "XXE",
        ["/billion-laughs.xml"] = "entity-expansion attack refused",
        ["/html-page.xml"] = "not a feed: the server sent an HTML page",
        ["/empty.xml"] = "empty document",
        ["/missing.xml"] = "HTTP 404",
        ["/broken.xml"] = "HTTP 500",
        ["/loop-a.xml"] = "TooManyRedirects",
        ["/trickle.xml"] = $"Timeout: no complete response within {FetchTimeout.TotalSeconds:0} s",
        ["/oversize.xml"] = $"TooLarge: body larger than {MaxBodyBytes} bytes",
    };

    [Fact]
    public async Task Each_hostile_feed_fails_alone_with_its_reason_while_good_feeds_deliver()
    {
        await using var server = await RecordingFeedServer.StartAsync();
        server.MapFeed("/good-1.xml", _ => Rss.Growing(server, "good-1", 2));
        server.MapFeed("/good-2.xml", _ => Rss.Growing(server, "good-2", 2));
        MapHostile(server);
        using var metrics = new PollMetrics();
        await using var broker = await RabbitMqVirtualHost.CreateAsync("feeds-hostile");
        await using var database = new PostgresTestDatabase("feeds_hostile");
        var settings = WorkerHosts.Settings(broker, database)
            .WithFeeds(Hostile.Keys.Prepend("/good-2.xml").Prepend("/good-1.xml").Select(p => (server.Url(p), p.Trim('/'))));
        settings["FeedWorker:Fetcher:Timeout"] = FetchTimeout.ToString();
        settings["FeedWorker:Fetcher:MaxBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var host = await WorkerHosts.StartAsync(settings);
        var collected = host.Collected();

        var feeds = await Eventually.ReturnsAsync(host.FeedsAsync,
            list => list.Where(f => Hostile.ContainsKey("/" + f.Name)).All(f => f.ConsecutiveErrors >= 1) && list.Count == Hostile.Count + 2,
            TimeSpan.FromSeconds(90), "every hostile feed marked failing");
        // The worker carries on: the good feeds are polled again after the hostile ones failed.
        await Eventually.ReturnsAsync(() => Task.FromResult(Math.Min(server.CountOf("/good-1.xml"), server.CountOf("/good-2.xml"))), n => n >= 3,
            TimeSpan.FromSeconds(60), "good feeds polled again");
        await Eventually.ReturnsAsync(() => Task.FromResult(collected.Messages.Count), n => n >= 4, TimeSpan.FromSeconds(60), "the good feeds' items published");

        foreach (var (path, reason) in Hostile)
        {
            var feed = feeds.Single(f => f.Name == path.Trim('/'));
            Assert.False(feed.Healthy, path);
            Assert.Contains(reason, feed.LastError ?? "(no error)", StringComparison.Ordinal);
            Assert.Equal(0, feed.ItemsSeen);
        }
        foreach (var good in (await host.FeedsAsync()).Where(f => f.Name.StartsWith("good", StringComparison.Ordinal)))
        {
            Assert.True(good.Healthy, $"{good.Name}: {good.LastError}");
            Assert.Equal(2, good.ItemsSeen);
        }
        Assert.Equal(["good-1-item-0", "good-1-item-1", "good-2-item-0", "good-2-item-1"], collected.Messages.Select(m => m.ItemId!).Order());

        // Within the limits: the trickling server was cut off near the timeout, not after its 60 s.
        var trickle = server.RequestsFor("/trickle.xml")[0];
        Assert.True(trickle.Ended - trickle.Started < FetchTimeout + TimeSpan.FromSeconds(5), $"trickle ran {(trickle.Ended - trickle.Started).TotalSeconds:0.0} s");

        Assert.Contains("error", metrics.SeenOutcomes());
        Assert.Contains("ok", metrics.SeenOutcomes());
        await Eventually.ReturnsAsync(() => Task.FromResult(metrics.FailingFeeds()), n => n == Hostile.Count, TimeSpan.FromSeconds(30), "ingestion.feeds.failing to count the hostile feeds");
    }

    private static void MapHostile(RecordingFeedServer server)
    {
        Fixture(server, "/xxe.xml", "xxe.xml", "application/rss+xml");
        Fixture(server, "/billion-laughs.xml", "billion-laughs.xml", "application/rss+xml");
        Fixture(server, "/html-page.xml", "html-page.html", "text/html; charset=utf-8");
        server.Map("/empty.xml", ctx => RecordingFeedServer.WriteAsync(ctx, "", "application/rss+xml"));
        server.Map("/missing.xml", ctx => { ctx.Response.StatusCode = 404; return Task.CompletedTask; });
        server.Map("/broken.xml", ctx => { ctx.Response.StatusCode = 500; return Task.CompletedTask; });
        server.Map("/loop-a.xml", ctx => { ctx.Response.Redirect("/loop-b.xml"); return Task.CompletedTask; });
        server.Map("/loop-b.xml", ctx => { ctx.Response.Redirect("/loop-a.xml"); return Task.CompletedTask; });
        server.Map("/trickle.xml", async ctx =>
        {
            ctx.Response.ContentType = "application/rss+xml";
            for (var i = 0; i < 300; i++)
            {
                await ctx.Response.Body.WriteAsync("<"u8.ToArray(), ctx.RequestAborted);
                await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                await Task.Delay(200, ctx.RequestAborted);
            }
        });
        server.Map("/oversize.xml", async ctx =>
        {
            ctx.Response.ContentType = "application/rss+xml";
            var chunk = new byte[16 * 1024];
            Array.Fill(chunk, (byte)' ');
            for (var sent = 0; sent < 4 * 1024 * 1024; sent += chunk.Length) await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
        });
    }

    private static void Fixture(RecordingFeedServer server, string path, string file, string contentType)
    {
        var body = File.ReadAllText(Path.Combine(TestInfrastructure.RepoRoot, "tests", "fixtures", "feeds", "hostile", file));
        server.Map(path, (HttpContext ctx) => RecordingFeedServer.WriteAsync(ctx, body, contentType));
    }

    /// <summary>Listens to the FeedWorker's poll counter and failing-feeds gauge, as an OpenTelemetry reader would.</summary>
    private sealed class PollMetrics : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly HashSet<string> outcomes = [];
        private int failing = -1;

        public PollMetrics()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Ingestion" && instrument.Name is "ingestion.feeds.polled" or "ingestion.feeds.failing") l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            {
                foreach (var tag in tags) if (tag.Key == "outcome") lock (outcomes) outcomes.Add((string)tag.Value!);
            });
            listener.SetMeasurementEventCallback<int>((_, value, _, _) => Volatile.Write(ref failing, value));
            listener.Start();
        }

        public List<string> SeenOutcomes()
        {
            lock (outcomes) return [.. outcomes];
        }

        public int FailingFeeds()
        {
            listener.RecordObservableInstruments();
            return Volatile.Read(ref failing);
        }

        public void Dispose() => listener.Dispose();
    }
}
