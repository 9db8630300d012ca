namespace Ingestion.Contracts;

/// <summary>A mention matched no known incident: a new incident exists, as it stands at the end of the Store batch that opened it.</summary>
public sealed record IncidentOpened
{
    public required IncidentSnapshot Incident { get; init; }
    /// <summary>When the earliest of the articles it was opened from was collected (end-to-end latency).</summary>
    public required DateTimeOffset CollectedAt { get; init; }
}
