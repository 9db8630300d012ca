namespace Ingestion.Contracts;

/// <summary>
/// A Store batch's events, up to 20 in one message: a batch publishes an event for most incidents it touched, and
/// each event alone cost the Store an outbox row and both ends a trip through the broker. One event an incident at
/// most, so their order does not matter; each carries the trace of the mention behind it
/// (<see cref="IncidentOpened.TraceParent"/>). Alerting still accepts a lone <see cref="IncidentOpened"/> or
/// <see cref="IncidentRevised"/>.
/// </summary>
public sealed record IncidentsChanged
{
    public IReadOnlyList<IncidentOpened> Opened { get; init; } = [];
    public IReadOnlyList<IncidentRevised> Revised { get; init; } = [];
}
