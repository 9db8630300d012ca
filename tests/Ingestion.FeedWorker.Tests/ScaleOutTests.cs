using Ingestion.FeedWorker.Data;
using Ingestion.FeedWorker.Tests.Support;
using Ingestion.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.FeedWorker.Tests;

/// <summary>Two FeedWorker replicas on one PostgreSQL database and one RabbitMQ vhost, against a server that logs every request.</summary>
public sealed class ScaleOutTests
{
    private const int FeedCount = 12;
    private const int ItemsPerFeed = 4;
    private static readonly TimeSpan MinPollInterval = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Two_replicas_poll_every_feed_never_at_once_and_collect_each_item_once()
    {
        await using var server = await RecordingFeedServer.StartAsync();
        var feeds = Enumerable.Range(0, FeedCount).Select(i => $"f{i}").ToList();
        // Each feed gains an item per poll up to ItemsPerFeed, so items appear while both replicas are polling.
        foreach (var feed in feeds) server.MapFeed($"/{feed}.xml", n => Rss.Growing(server, feed, Math.Min(n, ItemsPerFeed)));
        await using var broker = await RabbitMqVirtualHost.CreateAsync("feeds-scale");
        await using var database = new PostgresTestDatabase("feeds_scale");
        var configured = feeds.Select(f => (server.Url($"/{f}.xml"), f)).ToList();
        Dictionary<string, string?> Replica(string name)
        {
            var settings = WorkerHosts.Settings(broker, database, name).WithFeeds(configured);
            settings["FeedWorker:FeedsPerRound"] = "3"; // small rounds, so both replicas get a share
            return settings;
        }

        // Started together, as replicas of one deployment are: both load the same feed list into the empty database.
        var started = await Task.WhenAll(WorkerHosts.StartAsync(Replica("replica-a")), WorkerHosts.StartAsync(Replica("replica-b")));
        var (a, b) = (started[0], started[1]);
        var (logA, logB) = (a.Collected(), b.Collected());
        try
        {
            await Eventually.ReturnsAsync(() => Task.FromResult(feeds.Min(f => server.CountOf($"/{f}.xml"))), n => n >= ItemsPerFeed + 2,
                TimeSpan.FromSeconds(90), $"every feed polled at least {ItemsPerFeed + 2} times");
            await Eventually.ReturnsAsync(() => Task.FromResult(logA.Messages.Count + logB.Messages.Count), n => n >= FeedCount * ItemsPerFeed,
                TimeSpan.FromSeconds(60), "every item published");
            Assert.Equal(FeedCount, (await a.FeedsAsync()).Count);
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
        }

        var feedRequests = server.Requests.Where(r => r.Path.EndsWith(".xml", StringComparison.Ordinal)).ToList();
        Assert.Equal(["replica-a", "replica-b"], feedRequests.Select(r => r.UserAgent).Distinct().Order());
        foreach (var feed in feeds)
        {
            var polls = server.RequestsFor($"/{feed}.xml");
            for (var i = 1; i < polls.Count; i++)
            {
                var (previous, next) = (polls[i - 1], polls[i]);
                Assert.True(next.Started >= previous.Ended, $"{feed}: {next.UserAgent} started at {next.Started:HH:mm:ss.fff} while {previous.UserAgent}'s poll ran until {previous.Ended:HH:mm:ss.fff}");
                // Two replicas answering one due time would poll within milliseconds of each other.
                Assert.True(next.Started - previous.Ended >= MinPollInterval - TimeSpan.FromMilliseconds(50),
                    $"{feed}: polled again {(next.Started - previous.Ended).TotalMilliseconds:0} ms after the previous poll ended");
            }
        }

        var collected = logA.Messages.Concat(logB.Messages).ToList();
        var expected = feeds.SelectMany(f => Enumerable.Range(0, ItemsPerFeed).Select(k => $"{f}-item-{k}")).Order().ToList();
        Assert.Equal(expected, collected.Select(m => m.ItemId!).Order().ToList()); // each once: no duplicate, none missing
    }

    [Fact]
    public async Task A_lease_left_by_a_dead_worker_expires_and_the_feed_is_polled_again()
    {
        await using var server = await RecordingFeedServer.StartAsync();
        server.MapFeed("/orphan.xml", _ => Rss.Growing(server, "orphan", 1));
        server.MapFeed("/control.xml", _ => Rss.Growing(server, "control", 1));
        await using var broker = await RabbitMqVirtualHost.CreateAsync("feeds-lease");
        await using var database = new PostgresTestDatabase("feeds_lease");
        await using var host = await WorkerHosts.StartAsync(WorkerHosts.Settings(broker, database).WithFeeds([(server.Url("/control.xml"), "control")]));

        // The row a replica leaves when it dies right after claiming a feed: due, and leased to it for a while.
        var leaseUntil = DateTimeOffset.UtcNow.AddSeconds(8);
        using (var scope = host.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FeedsDbContext>();
            db.Feeds.Add(new FeedRecord
            {
                Id = Guid.NewGuid(), Url = server.Url("/orphan.xml"), Name = "orphan", CreatedAt = DateTimeOffset.UtcNow,
                NextPollAt = DateTimeOffset.UtcNow.AddMinutes(-1), LeaseOwner = "dead-replica", LeaseUntil = leaseUntil,
            });
            await db.SaveChangesAsync();
        }

        var orphan = await Eventually.ReturnsAsync(async () => (await host.FeedsAsync()).Single(f => f.Name == "orphan"),
            f => f.LastSuccessAt is not null, TimeSpan.FromSeconds(60), "the orphaned feed polled after its lease expired");

        // The server notes a request after its response has gone, which the worker may have read and saved first.
        var firstPoll = (await Eventually.ReturnsAsync(() => Task.FromResult(server.RequestsFor("/orphan.xml")), r => r.Count >= 1,
            TimeSpan.FromSeconds(10), "the orphaned feed's request noted"))[0];
        Assert.True(firstPoll.Started >= leaseUntil.UtcDateTime.AddMilliseconds(-50), $"polled at {firstPoll.Started:HH:mm:ss.fff}, before the lease ended at {leaseUntil:HH:mm:ss.fff}");
        // The live worker was polling all along, so the wait was the lease, not a slow start.
        Assert.Contains(server.RequestsFor("/control.xml"), r => r.Started < leaseUntil.UtcDateTime);
        Assert.Equal(1, orphan.ItemsSeen);
        Assert.Null(orphan.LastError);
    }
}
