namespace Ingestion.Contracts;

/// <summary>An incident changed in a way that matters to subscribers.</summary>
public sealed record IncidentRevised
{
    public required IncidentSnapshot Incident { get; init; }
    /// <summary>What changed: casualties, place, attribution, corroboration, kind, date, merged.</summary>
    public required IReadOnlyList<string> Changes { get; init; }
    /// <summary>Incidents folded into this one when a mention bridged them.</summary>
    public IReadOnlyList<Guid> MergedIncidentIds { get; init; } = [];
    public required DateTimeOffset CollectedAt { get; init; }
}
