namespace Ingestion.Contracts;

/// <summary>An incident changed in a way that matters to subscribers: one event per Store batch that changed it.</summary>
public sealed record IncidentRevised
{
    public required IncidentSnapshot Incident { get; init; }
    /// <summary>What changed since the last event about the incident: casualties, place, attribution, corroboration, kind, date, merged.</summary>
    public required IReadOnlyList<string> Changes { get; init; }
    /// <summary>Incidents folded into this one when a mention bridged them.</summary>
    public IReadOnlyList<Guid> MergedIncidentIds { get; init; } = [];
    /// <summary>When the earliest of the articles behind the change was collected (end-to-end latency).</summary>
    public required DateTimeOffset CollectedAt { get; init; }
    /// <summary>As <see cref="IncidentOpened.TraceParent"/>.</summary>
    public string? TraceParent { get; init; }
}
