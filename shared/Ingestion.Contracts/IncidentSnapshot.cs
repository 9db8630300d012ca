namespace Ingestion.Contracts;

/// <summary>An incident as the Store holds it after resolving all its mentions.</summary>
public sealed record IncidentSnapshot
{
    public required Guid IncidentId { get; init; }
    /// <summary>Grows by one each time the record changes in a way that matters.</summary>
    public required int Revision { get; init; }
    public required string Kind { get; init; }
    public DateOnly? Date { get; init; }
    public ReportedPlace? Place { get; init; }
    public string? Attacker { get; init; }
    public string? Target { get; init; }
    /// <summary>The figure shown; the rule that picks it: Ingestion.Resolution.CasualtyRule.</summary>
    public int? Killed { get; init; }
    public int? Wounded { get; init; }
    /// <summary>The lowest and highest figures any source reported (null when none gave one).</summary>
    public int? KilledMin { get; init; }
    public int? KilledMax { get; init; }
    public int? WoundedMin { get; init; }
    public int? WoundedMax { get; init; }
    public bool Intercepted { get; init; }
    public string? ClaimedBy { get; init; }
    public IReadOnlyList<string> Denials { get; init; } = [];
    public required int SourceCount { get; init; }
    public required int ArticleCount { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];
    public double Confidence { get; init; }
    public string? Evidence { get; init; }
    public required DateOnly FirstSeen { get; init; }
    /// <summary>The earliest publication time of the articles behind it: how late an alert is, against the news.</summary>
    public DateTimeOffset? FirstPublishedAt { get; init; }
    public required DateOnly LastSeen { get; init; }
}
