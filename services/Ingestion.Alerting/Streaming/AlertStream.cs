using System.Collections.Concurrent;
using System.Threading.Channels;
using Ingestion.Alerting.Subscriptions;
using Ingestion.Contracts;

namespace Ingestion.Alerting.Streaming;

/// <summary>One event for the live stream: its SSE id and type, and the alert JSON.</summary>
public sealed record StreamEvent(string Id, string Type, string Data);

/// <summary>
/// Fans incident events out to the stream clients connected to this process, each through its own
/// bounded queue: a slow dashboard loses its oldest events, never slows the others or the bus.
/// </summary>
public sealed class AlertStream
{
    public const int QueueCapacity = 256;
    private readonly ConcurrentDictionary<Guid, Listener> listeners = new();

    private sealed record Listener(CompiledFilter Filter, Channel<StreamEvent> Queue);

    public int ListenerCount => listeners.Count;

    public (Guid Id, ChannelReader<StreamEvent> Events) Listen(CompiledFilter filter)
    {
        var id = Guid.NewGuid();
        var queue = Channel.CreateBounded<StreamEvent>(new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        listeners[id] = new Listener(filter, queue);
        return (id, queue.Reader);
    }

    public void Leave(Guid id) => listeners.TryRemove(id, out _);

    /// <summary>An opening reaches listeners that want new incidents; a revision those that asked for one of its changes.</summary>
    public void Publish(IncidentSnapshot incident, IReadOnlyList<string>? changes, Func<string> data)
    {
        string? json = null;
        foreach (var listener in listeners.Values)
        {
            var f = listener.Filter;
            var wanted = changes is null ? f.WantsNewIncidents : f.WantsRevision(changes);
            if (!wanted || !f.Matches(incident)) continue;
            json ??= data();
            listener.Queue.Writer.TryWrite(new StreamEvent($"{incident.IncidentId:N}-{incident.Revision}", changes is null ? "incident.opened" : "incident.revised", json));
        }
    }
}
