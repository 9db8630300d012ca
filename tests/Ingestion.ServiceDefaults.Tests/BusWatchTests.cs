using Ingestion.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ingestion.ServiceDefaults.Tests;

/// <summary>The time logic of the bus-endpoints check, on a clock the test moves.</summary>
public sealed class BusWatchTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);
    private static readonly Uri Incidents = new("rabbitmq://broker/store-incident-reported");
    private static readonly Uri Articles = new("rabbitmq://broker/article-collected");

    private readonly Clock clock = new();
    private readonly BusWatch watch;

    public BusWatchTests() => watch = new BusWatch(clock);

    [Fact]
    public async Task Not_ready_is_degraded_within_the_grace_period_and_unhealthy_from_its_end_naming_the_endpoint()
    {
        await watch.Ready(new Ready(Incidents));
        await watch.Ready(new Ready(Articles));
        Assert.Equal(HealthStatus.Healthy, watch.Assess(Grace).Status);

        await watch.Faulted(new Faulted(Incidents, new InvalidOperationException("channel closed")));
        clock.Advance(TimeSpan.FromSeconds(30));
        // A later event that is still not Ready does not restart the clock.
        await watch.Completed(new Completed(Incidents));
        clock.Advance(TimeSpan.FromSeconds(29));
        var degraded = watch.Assess(Grace);
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Equal("store-incident-reported not ready for 59 s (Completed (stopped))", degraded.Description);

        clock.Advance(TimeSpan.FromSeconds(1));
        var unhealthy = watch.Assess(Grace);
        Assert.Equal(HealthStatus.Unhealthy, unhealthy.Status);
        Assert.Equal(TimeSpan.FromSeconds(60), unhealthy.LongestNotReady);
        Assert.DoesNotContain("article-collected", unhealthy.Description);
    }

    [Fact]
    public async Task Ready_again_within_the_grace_period_is_healthy_and_a_later_outage_starts_a_new_clock()
    {
        await watch.Ready(new Ready(Incidents));
        await watch.Faulted(new Faulted(Incidents, new InvalidOperationException("broker down")));
        clock.Advance(TimeSpan.FromSeconds(50));
        await watch.Ready(new Ready(Incidents));
        Assert.Equal(HealthStatus.Healthy, watch.Assess(Grace).Status);

        clock.Advance(TimeSpan.FromMinutes(10));
        await watch.Stopping(new Stopping(Incidents, removed: false));
        clock.Advance(TimeSpan.FromSeconds(50));
        var assessment = watch.Assess(Grace);
        Assert.Equal(HealthStatus.Degraded, assessment.Status);
        Assert.Equal(TimeSpan.FromSeconds(50), assessment.LongestNotReady);
    }

    [Fact]
    public async Task An_endpoint_removed_on_purpose_is_forgotten_not_reported_as_stuck()
    {
        await watch.Ready(new Ready(Incidents));
        await watch.Stopping(new Stopping(Incidents, removed: true));
        // MassTransit reports it completed after that.
        await watch.Completed(new Completed(Incidents));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HealthStatus.Healthy, watch.Assess(Grace).Status);
    }

    [Fact]
    public async Task A_relay_failing_to_publish_is_reported_from_its_first_failure_until_a_batch_goes_through()
    {
        const string Relay = "StoreDbContext outbox relay";
        await watch.Ready(new Ready(Incidents));
        watch.RelayPublished(Relay);
        Assert.Equal(HealthStatus.Healthy, watch.Assess(Grace).Status);

        // A batch that waited 30 s for its confirms has not worked for those 30 s.
        watch.RelayPublishFailed(Relay, "no confirm within 30 s", waited: TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(30), watch.Assess(Grace).LongestNotReady);
        clock.Advance(TimeSpan.FromSeconds(30));
        // Every later failure keeps the first one's clock: a channel that stays broken fails batch after batch.
        watch.RelayPublishFailed(Relay, "no confirm within 30 s", waited: TimeSpan.FromSeconds(30));
        var unhealthy = watch.Assess(Grace);
        Assert.Equal(HealthStatus.Unhealthy, unhealthy.Status);
        Assert.Equal(TimeSpan.FromSeconds(60), unhealthy.LongestNotReady);
        Assert.Equal("StoreDbContext outbox relay not ready for 60 s (publishing failed: no confirm within 30 s)", unhealthy.Description);

        watch.RelayPublished(Relay);
        Assert.Equal(HealthStatus.Healthy, watch.Assess(Grace).Status);
    }

    private sealed class Clock : TimeProvider
    {
        private DateTimeOffset now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => now;
        public void Advance(TimeSpan by) => now += by;
    }

    private abstract class Event(Uri address) : ReceiveEndpointEvent
    {
        public Uri InputAddress => address;
        public IReceiveEndpoint ReceiveEndpoint => throw new NotSupportedException("not needed by the watch");
    }

    private sealed class Ready(Uri address) : Event(address), ReceiveEndpointReady
    {
        public bool IsStarted => true;
    }

    private sealed class Stopping(Uri address, bool removed) : Event(address), ReceiveEndpointStopping
    {
        public bool Removed => removed;
    }

    private sealed class Completed(Uri address) : Event(address), ReceiveEndpointCompleted
    {
        public long DeliveryCount => 0;
        public long ConcurrentDeliveryCount => 0;
    }

    private sealed class Faulted(Uri address, Exception exception) : Event(address), ReceiveEndpointFaulted
    {
        public Exception Exception => exception;
    }
}
