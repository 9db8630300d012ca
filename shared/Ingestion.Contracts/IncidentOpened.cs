namespace Ingestion.Contracts;

/// <summary>A mention matched no known incident: a new incident exists, as it stands at the end of the Store batch that opened it.</summary>
public sealed record IncidentOpened
{
    public required IncidentSnapshot Incident { get; init; }
    /// <summary>When the earliest of the articles it was opened from was collected (end-to-end latency).</summary>
    public required DateTimeOffset CollectedAt { get; init; }
    /// <summary>
    /// The W3C trace context of the mention behind the event, inside <see cref="IncidentsChanged"/>, whose own
    /// headers carry one trace for all its events; a lone event's is in its headers.
    /// </summary>
    public string? TraceParent { get; init; }
}
