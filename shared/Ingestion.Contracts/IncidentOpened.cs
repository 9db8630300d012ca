namespace Ingestion.Contracts;

/// <summary>A mention matched no known incident: a new incident exists.</summary>
public sealed record IncidentOpened
{
    public required IncidentSnapshot Incident { get; init; }
    /// <summary>When the article behind the first mention was collected (end-to-end latency).</summary>
    public required DateTimeOffset CollectedAt { get; init; }
}
