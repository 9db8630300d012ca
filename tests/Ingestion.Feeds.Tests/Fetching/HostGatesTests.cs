using System.Collections.Concurrent;
using Ingestion.Feeds.Tests.Support;

namespace Ingestion.Feeds.Tests.Fetching;

public sealed class HostGatesTests
{
    [Fact]
    public async Task Holds_the_next_request_to_a_host_until_the_minimum_delay_has_passed()
    {
        var time = new ManualTime(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var gates = new HostGates(concurrency: 4, minDelay: TimeSpan.FromSeconds(1), time);

        using (await gates.EnterAsync("news.example", CancellationToken.None)) { }
        var second = gates.EnterAsync("news.example", CancellationToken.None);
        var otherHost = gates.EnterAsync("other.example", CancellationToken.None);

        Assert.True(otherHost.IsCompleted, "another host is not held back");
        Assert.False(second.IsCompleted, "the same host must wait");
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        (await second).Dispose();
        (await otherHost).Dispose();
    }

    [Fact]
    public async Task Allows_at_most_the_configured_requests_in_flight_per_host()
    {
        var time = new ManualTime(DateTimeOffset.UnixEpoch);
        var gates = new HostGates(concurrency: 2, minDelay: TimeSpan.Zero, time);

        var first = await gates.EnterAsync("h", CancellationToken.None);
        var second = await gates.EnterAsync("h", CancellationToken.None);
        var third = gates.EnterAsync("h", CancellationToken.None);

        Assert.False(third.IsCompleted);
        first.Dispose();
        (await third).Dispose();
        second.Dispose();
    }

    [Fact]
    public async Task Fetcher_keeps_concurrent_requests_to_one_host_within_the_limit()
    {
        int inFlight = 0, peak = 0;
        var started = new ConcurrentBag<int>();
        await using var server = new LoopbackServer(async ctx =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            await Task.Delay(150);
            Interlocked.Decrement(ref inFlight);
        });
        using var fetcher = FetcherFactory.ForLoopback(o => o.PerHostConcurrency = 2);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => fetcher.FetchAsync(server.Url("/" + i), null, CancellationToken.None)));

        Assert.InRange(peak, 1, 2);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
