using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ingestion.ServiceDefaults.Messaging;

/// <summary>
/// Remembers, for each receive endpoint of the bus, its last lifecycle event and since when it has not been Ready.
/// </summary>
/// <remarks>
/// Why not MassTransit's own "masstransit-bus" check (which stays in /health): it reports a stopped or faulted endpoint
/// as Degraded, which /health answers with a 200, and Unhealthy only when every endpoint is down, which in 8.4 the
/// bus's own endpoint (not started until a request client needs it) never is. Nor does it know for how long, and time
/// is what tells a broker restart MassTransit recovers from in seconds from an endpoint it left stopped for good after
/// a connection drop (MassTransit issue 6001).
/// </remarks>
public sealed class ReceiveEndpointWatch(TimeProvider time) : IReceiveEndpointObserver
{
    private readonly ConcurrentDictionary<Uri, EndpointState> endpoints = new();

    /// <param name="NotReadySince">Null while the endpoint is Ready.</param>
    public sealed record EndpointState(string Name, string State, DateTimeOffset? NotReadySince);

    public sealed record Assessment(HealthStatus Status, string Description, TimeSpan LongestNotReady);

    public Task Ready(ReceiveEndpointReady ready) => Record(ready.InputAddress, "Ready", ready: true);

    public Task Stopping(ReceiveEndpointStopping stopping)
    {
        // An endpoint disconnected on purpose is gone, not stuck.
        if (stopping.Removed)
        {
            endpoints.TryRemove(stopping.InputAddress, out _);
            return Task.CompletedTask;
        }
        return Record(stopping.InputAddress, "Stopping", ready: false);
    }

    public Task Completed(ReceiveEndpointCompleted completed) => Record(completed.InputAddress, "Completed (stopped)", ready: false);

    public Task Faulted(ReceiveEndpointFaulted faulted) => Record(faulted.InputAddress, $"Faulted: {faulted.Exception?.Message}", ready: false);

    /// <summary>Healthy when every endpoint is Ready; Degraded while one is not; Unhealthy once one has not been for <paramref name="unhealthyAfter"/>.</summary>
    public Assessment Assess(TimeSpan unhealthyAfter)
    {
        var now = time.GetUtcNow();
        var notReady = endpoints.Values
            .Where(e => e.NotReadySince is not null)
            .Select(e => (Endpoint: e, For: now - e.NotReadySince!.Value))
            .OrderByDescending(e => e.For)
            .ToList();
        if (notReady.Count == 0) return new(HealthStatus.Healthy, $"{endpoints.Count} receive endpoints ready", TimeSpan.Zero);

        var longest = notReady[0].For;
        var description = string.Join("; ", notReady.Select(e => $"{e.Endpoint.Name} not ready for {e.For.TotalSeconds:0} s ({e.Endpoint.State})"));
        return new(longest >= unhealthyAfter ? HealthStatus.Unhealthy : HealthStatus.Degraded, description, longest);
    }

    private Task Record(Uri address, string state, bool ready)
    {
        var now = time.GetUtcNow();
        // The clock starts at the first event that is not Ready and keeps running through later ones (Faulted, then
        // Completed...): only Ready stops it.
        endpoints.AddOrUpdate(address,
            _ => new EndpointState(NameOf(address), state, ready ? null : now),
            (_, old) => old with { State = state, NotReadySince = ready ? null : old.NotReadySince ?? now });
        return Task.CompletedTask;
    }

    private static string NameOf(Uri address) => address.AbsolutePath.TrimEnd('/').Split('/')[^1];
}
