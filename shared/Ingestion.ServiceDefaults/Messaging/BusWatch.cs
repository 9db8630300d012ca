using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ingestion.ServiceDefaults.Messaging;

/// <summary>
/// Remembers, for each receive endpoint of the bus and each outbox relay, its last state and since when it has not
/// been working: an endpoint not Ready, a relay whose publishes fail.
/// </summary>
/// <remarks>
/// Why not MassTransit's own "masstransit-bus" check (which stays in /health): it reports a stopped or faulted endpoint
/// as Degraded, which /health answers with a 200, and Unhealthy only when every endpoint is down, which in 8.4 the
/// bus's own endpoint (not started until a request client needs it) never is. Nor does it know for how long, and time
/// is what tells a broker restart MassTransit recovers from in seconds from an endpoint it left stopped for good after
/// a connection drop (MassTransit issue 6001). It knows nothing of publishing either: a publisher whose channel was
/// left broken by a broker crash (RabbitMQ.Client 7.1.2 can throw ObjectDisposedException from its confirm tracking
/// while a channel shuts down) times out on every publish while every receive endpoint is Ready.
/// </remarks>
public sealed class BusWatch(TimeProvider time) : IReceiveEndpointObserver
{
    private readonly ConcurrentDictionary<string, PartState> parts = new();

    /// <param name="NotWorkingSince">Null while the part works.</param>
    public sealed record PartState(string Name, string State, DateTimeOffset? NotWorkingSince);

    public sealed record Assessment(HealthStatus Status, string Description, TimeSpan LongestNotReady);

    public Task Ready(ReceiveEndpointReady ready) => Record(ready.InputAddress, "Ready", ready: true);

    public Task Stopping(ReceiveEndpointStopping stopping)
    {
        // An endpoint disconnected on purpose is gone, not stuck.
        if (stopping.Removed)
        {
            parts.TryRemove(stopping.InputAddress.ToString(), out _);
            return Task.CompletedTask;
        }
        return Record(stopping.InputAddress, "Stopping", ready: false);
    }

    /// <summary>
    /// An endpoint stopped: news only of one the watch knows. One removed on purpose (a stream queue nobody listens to)
    /// completes after its Stopping and must stay forgotten; one that never started was recorded by its Faulted.
    /// </summary>
    public Task Completed(ReceiveEndpointCompleted completed)
    {
        var key = completed.InputAddress.ToString();
        if (!parts.ContainsKey(key)) return Task.CompletedTask;
        return Record(completed.InputAddress, "Completed (stopped)", ready: false);
    }

    public Task Faulted(ReceiveEndpointFaulted faulted) => Record(faulted.InputAddress, $"Faulted: {faulted.Exception?.Message}", ready: false);

    /// <summary>The relay published its batch, or had nothing to publish.</summary>
    public void RelayPublished(string relay) => Record(RelayKey(relay), relay, "publishing", ready: true);

    /// <summary>
    /// The broker did not take the relay's batch (an error, or no confirm in time) after <paramref name="waited"/>:
    /// a publish that waited 30 s for its confirm has not worked for 30 s. Database errors do not count.
    /// </summary>
    public void RelayPublishFailed(string relay, string reason, TimeSpan waited) =>
        Record(RelayKey(relay), relay, $"publishing failed: {reason}", ready: false, since: time.GetUtcNow() - waited);

    /// <summary>Healthy when every part works; Degraded while one does not; Unhealthy once one has not for <paramref name="unhealthyAfter"/>.</summary>
    public Assessment Assess(TimeSpan unhealthyAfter)
    {
        var now = time.GetUtcNow();
        var notReady = parts.Values
            .Where(e => e.NotWorkingSince is not null)
            .Select(e => (Part: e, For: now - e.NotWorkingSince!.Value))
            .OrderByDescending(e => e.For)
            .ToList();
        if (notReady.Count == 0) return new(HealthStatus.Healthy, $"{parts.Count} receive endpoints and outbox relays working", TimeSpan.Zero);

        var longest = notReady[0].For;
        var description = string.Join("; ", notReady.Select(e => $"{e.Part.Name} not ready for {e.For.TotalSeconds:0} s ({e.Part.State})"));
        return new(longest >= unhealthyAfter ? HealthStatus.Unhealthy : HealthStatus.Degraded, description, longest);
    }

    private Task Record(Uri endpoint, string state, bool ready)
    {
        Record(endpoint.ToString(), NameOf(endpoint), state, ready);
        return Task.CompletedTask;
    }

    private void Record(string key, string name, string state, bool ready, DateTimeOffset? since = null)
    {
        var from = since ?? time.GetUtcNow();
        // The clock starts at the first state that is not working and keeps running through later ones (Faulted, then
        // Completed...; one failed publish after another): only a working state stops it.
        parts.AddOrUpdate(key,
            _ => new PartState(name, state, ready ? null : from),
            (_, old) => old with { State = state, NotWorkingSince = ready ? null : old.NotWorkingSince ?? from });
    }

    private static string RelayKey(string relay) => "outbox:" + relay;

    private static string NameOf(Uri address) => address.AbsolutePath.TrimEnd('/').Split('/')[^1];
}
